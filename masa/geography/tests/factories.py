"""factory_boy factories for geography rows (other apps' tests may import them).

la = LocalAuthorityFactory(name="Havering")               # one new police force, one new ICB
la = LocalAuthorityFactory(police_forces=[met], icbs=[(nel, "0.7"), (other, "0.3")])
"""

from __future__ import annotations

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from masa.geography.models import IcbOverlap, IntegratedCareBoard, LocalAuthority, PoliceForceArea


class PoliceForceAreaFactory(DjangoModelFactory):
    class Meta:
        model = PoliceForceArea
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"E23{900000 + n}")
    name = factory.Sequence(lambda n: f"Test police force {n}")


class IntegratedCareBoardFactory(DjangoModelFactory):
    class Meta:
        model = IntegratedCareBoard
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"E54{900000 + n}")
    ods_code = factory.Sequence(lambda n: f"Z{n % 10000:04d}")
    name = factory.Sequence(lambda n: f"NHS Test {n} Integrated Care Board")


class LocalAuthorityFactory(DjangoModelFactory):
    class Meta:
        model = LocalAuthority
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"E06{900000 + n}")
    name = factory.Sequence(lambda n: f"Test borough {n}")
    dfe_code = factory.Sequence(lambda n: f"{n % 1000:03d}")
    region_code = "E12000007"
    region_name = "London"
    la_type = "Unitary authority"

    @factory.post_generation
    def police_forces(self, create: bool, extracted: list[PoliceForceArea] | None, **kwargs):
        """Pass `police_forces=[…]`; by default the LA gets a police force area of its own."""
        if create:
            self.police_forces.set(
                extracted if extracted is not None else [PoliceForceAreaFactory()]
            )

    @factory.post_generation
    def icbs(self, create: bool, extracted: list | None, **kwargs):
        """Pass `icbs=[icb, …]` (even shares) or `[(icb, share), …]`; by default one new ICB."""
        if not create:
            return
        items = extracted if extracted is not None else [IntegratedCareBoardFactory()]
        even = (Decimal(1) / len(items)).quantize(Decimal("0.001")) if items else Decimal(0)
        pairs = [item if isinstance(item, tuple) else (item, even) for item in items]
        for icb, share in pairs:
            IcbOverlapFactory(local_authority=self, icb=icb, lsoa_share=Decimal(share))


class IcbOverlapFactory(DjangoModelFactory):
    class Meta:
        model = IcbOverlap

    local_authority = factory.SubFactory(LocalAuthorityFactory, icbs=[])
    icb = factory.SubFactory(IntegratedCareBoardFactory)
    lsoa_share = Decimal("1.000")
