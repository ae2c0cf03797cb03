.DEFAULT_GOAL := help
.PHONY: help demo test setup check lint format types migrations frontend bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

demo: ## Set everything up, load demo data into SQLite and serve on 127.0.0.1:8000 (PORT=N to change)
	scripts/demo --port $(or $(PORT),8000)

test: ## Set everything up, lint, type-check and run every test (SQLite, browser, then PostgreSQL)
	scripts/test

setup: ## Install Python and npm packages (and Debian packages if missing)
	scripts/setup

lint: ## ruff lint and format check
	uv run ruff check . && uv run ruff format --check .

format: ## Format the code with ruff
	uv run ruff check --fix . && uv run ruff format .

types: ## mypy with django-stubs
	uv run mypy masa config

migrations: ## Fail if a model change has no migration
	uv run masa makemigrations --check --dry-run

frontend: ## Copy GOV.UK Frontend and axe-core into masa/static
	cd frontend && npm ci --no-audit --no-fund && node build.mjs

bench: ## Run the performance benchmarks in bench/
	uv run python bench/compliance_matrix.py && uv run python bench/action_list.py && uv run python bench/clock_dashboard.py && uv run python bench/document_build.py
