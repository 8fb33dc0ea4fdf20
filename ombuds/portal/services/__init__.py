"""The portal's services, one module per area: news.py (news items), pages.py (pages and the
accessibility statement), apply.py (online applications and their drafts)."""
