// Copies GOV.UK Frontend's compiled assets and axe-core into masa/static so that nothing is
// served from a CDN. Run by `make frontend` (and so by both setup commands).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");
const target = join(here, "..", "masa", "static", "govuk");
const vendor = join(here, "..", "masa", "static", "vendor");

// The copies drop their `sourceMappingURL` comments and no .map is shipped: the CSS is edited below,
// so GOV.UK Frontend's map would point at the wrong columns, and the maps name Sass/ES sources that are
// not served. With the comments left in, `collectstatic` under the manifest storage fails on the
// missing .map files.
const withoutSourceMap = (text) => text.replace(/\n?\/[*/]# sourceMappingURL=[^\n]*?(?: \*\/)?\s*$/, "\n");

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
writeFileSync(
  join(target, "govuk-frontend.min.js"),
  withoutSourceMap(readFileSync(join(govuk, "govuk-frontend.min.js"), "utf8")),
);
// The GDS Transport typeface and the crown are for services on GOV.UK only (GOV.UK Frontend's
// "use the GOV.UK brand" guidance), and a partnership's MASA is not on GOV.UK: drop the typeface
// for Arial, as the Design System tells other organisations to, and point asset URLs at our copy.
const css = withoutSourceMap(readFileSync(join(govuk, "govuk-frontend.min.css"), "utf8"))
  .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, "")
  .replaceAll("font-family:GDS Transport,arial,sans-serif", "font-family:arial,sans-serif")
  .replaceAll("url(/assets/", "url(assets/");
writeFileSync(join(target, "govuk-frontend.min.css"), css);
cpSync(join(govuk, "assets", "images"), join(target, "assets", "images"), { recursive: true });

mkdirSync(vendor, { recursive: true });
writeFileSync(
  join(vendor, "axe.min.js"),
  withoutSourceMap(readFileSync(join(here, "node_modules", "axe-core", "axe.min.js"), "utf8")),
);
console.log(`GOV.UK Frontend copied to ${target}`);
