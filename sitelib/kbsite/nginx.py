"""The nginx configuration for the built site, from the same tables as every other server.

`server_block` is what a site owner puts in their nginx (hosting/nginx.conf in the repository
is this, for a site under /srv/help-centre, and a test keeps it in step). `standalone_config`
wraps it into a complete configuration that runs as an ordinary user on a free port: the
tests serve the site with Debian's nginx exactly as deployed.

What it does, and why (README, "Hosting"): every security header on every response, including
errors and 404 pages (`always`); hashed assets cached for a year, everything else revalidated;
precompressed `.br`/`.gz` files sent as they are, other text compressed on the fly; the 404 page
of the language of the address; no directory listings; idle and slow clients cut off.
"""

from __future__ import annotations

from kbsite.hosting import CACHE_FOREVER, COMPRESSIBLE, HASHED_NAME, MIME_TYPES, REVALIDATE, SECURITY_HEADERS

# nginx always compresses text/html, and warns when it is listed.
GZIP_TYPES = " ".join(sorted({MIME_TYPES[suffix] for suffix in COMPRESSIBLE} - {"text/html"}))


def _headers(cache: str, indent: str) -> str:
    lines = [f'add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS.items()]
    lines.append(f'add_header Cache-Control "{cache}" always;')
    return "\n".join(indent + line for line in lines)


def server_block(root: str, listen: str, folders: list[str], brotli: bool = True) -> str:
    """One `server { ... }` for the site in `root`; `folders` are the languages' folders ("" first)."""
    types = "\n".join(f"        {mime} {suffix.lstrip('.')};" for suffix, mime in sorted(MIME_TYPES.items()))
    languages = "\n".join(
        f"    location /{folder} {{\n        error_page 404 /{folder}404.html;\n"
        f"        try_files $uri $uri/ =404;\n{_headers(REVALIDATE, '        ')}\n    }}"
        for folder in folders
        if folder
    )
    return f"""server {{
    listen {listen};
    root {root};
    index index.html;
    charset utf-8;
    server_tokens off;
    autoindex off;
    # Slow or idle clients are cut off instead of holding a connection open.
    client_header_timeout 10s;
    client_body_timeout 10s;
    send_timeout 30s;
    keepalive_timeout 15s;
    large_client_header_buffers 4 16k;

    types {{
{types}
    }}
    default_type application/octet-stream;

    gzip_static on;
{"    brotli_static on;" if brotli else "    # brotli_static on;  (needs libnginx-mod-http-brotli-static)"}
    gzip on;
    gzip_vary on;
    gzip_types {GZIP_TYPES};

    error_page 404 /404.html;
    # A folder without an index page is "not found", never a listing (nor a bare 403).
    error_page 403 =404 /404.html;
{_headers(REVALIDATE, "    ")}

    location ~ "{HASHED_NAME.pattern}" {{
{_headers(CACHE_FOREVER, "        ")}
    }}
    location = /_headers {{
        return 404;
    }}
{languages}
    location / {{
        try_files $uri $uri/ =404;
{_headers(REVALIDATE, "        ")}
    }}
}}
"""


def standalone_config(server: str, prefix: str, run_as_root: bool, modules: list[str] | None = None) -> str:
    """A whole nginx.conf around `server`, with its pid and temporary files under `prefix`,
    loading the dynamic `modules` (absolute paths of .so files)."""
    user = "user root;\n" if run_as_root else ""
    loads = "".join(f"load_module {module};\n" for module in modules or [])
    temp = "\n".join(
        f"    {kind}_temp_path {prefix}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
{loads}events {{
    worker_connections 256;
}}
http {{
    access_log off;
{temp}
{server}
}}
"""
