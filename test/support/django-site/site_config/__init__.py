"""The project: settings, URLs, and what the whole site shares (its database set-up, maintenance switch, test hooks)."""
