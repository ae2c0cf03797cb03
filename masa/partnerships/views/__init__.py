"""Registry pages: `pages` (list, overview, history, partnership details), `structure` (read
pages), `edit` (add, change and end forms)."""
