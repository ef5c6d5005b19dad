"""The web console: the third face of the command core, served by the bot itself on DIPLOBOT_HTTP_PORT.

console.py   routes: pages (Jinja2 templates, readable without JavaScript) and the JSON API (/api/)
auth.py      the operator's start-up token, session cookies, CSRF tokens, var/console.json
stories.py   stories as the tenant sees them (the brief's views), as JSON and CSV
rules.py     the rule form <-> the rule `watch add --spec` checks
templates/ static/ openapi.json   pages, the vendored CSS and JavaScript, the API's description
"""
