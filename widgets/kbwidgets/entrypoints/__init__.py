"""Where callers come in: the browser's worker bridge (`browser`) and the command line (`cli`)."""
