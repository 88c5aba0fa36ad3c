"""The widget runtime the build puts in the site: see `build`."""
