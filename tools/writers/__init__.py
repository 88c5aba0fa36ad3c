"""What writers run: `make new ARTICLE=...`, `make translations`."""
