"""The Docker files, read as files: docker may not run where the suite does, so these check what they declare."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def dockerfile_stages() -> list[str]:
    """The Dockerfile's stages, each from its FROM line, with backslash continuations joined."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    return re.split(r"(?m)^(?=FROM )", text)[1:]


def test_dockerignore_keeps_the_venv_data_and_git_out_of_the_build_context() -> None:
    """Without it the 450 MB .venv and the user's var/ database were sent to every build."""
    ignored = {
        line.strip().rstrip("/")
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".venv", "var", ".git", ".env"} <= ignored
    copied = set(re.findall(r"(?m)^COPY (?!--from)(.+?) \S+$", (ROOT / "Dockerfile").read_text(encoding="utf-8")))
    sources = {part for line in copied for part in line.split()}
    assert sources and not sources & ignored, "the Dockerfile copies a path that .dockerignore leaves out"


def test_the_final_image_has_a_healthcheck_on_healthz_of_the_ops_port_and_no_compiler() -> None:
    """HEALTHCHECK asks /healthz on DIPLOBOT_HTTP_PORT, which the image sets; build tools stay in the build stage."""
    final = dockerfile_stages()[-1]
    port = re.search(r"DIPLOBOT_HTTP_PORT=(\d+)", final)
    exposed = re.search(r"(?m)^EXPOSE ([\d ]+)$", final)
    assert port and exposed and port.group(1) in exposed.group(1).split()
    health = re.search(r"(?m)^HEALTHCHECK .*CMD (.+)$", final)
    assert health, "no HEALTHCHECK in the final stage"
    command = health.group(1)
    assert "urllib.request" in command and "/healthz" in command and "curl" not in command
    assert "DIPLOBOT_HTTP_PORT" in command and f"'{port.group(1)}'" in command
    assert Settings.model_fields["http_port"].alias == "DIPLOBOT_HTTP_PORT"
    assert not re.search(r"build-essential|gcc|apt-get install", final)


def test_compose_runs_the_bot_on_postgres_15_once_it_is_healthy() -> None:
    """A postgres:15 service with a healthcheck; the bot waits for it and reaches it through asyncpg."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    postgres = next(name for name, service in services.items() if service.get("image") == "postgres:15")
    assert "pg_isready" in " ".join(services[postgres]["healthcheck"]["test"])
    bot = services["diplobot"]
    assert bot["build"] == "."
    assert bot["depends_on"][postgres]["condition"] == "service_healthy"
    url = bot["environment"][Settings.model_fields["database_url"].alias]
    assert url.startswith("postgresql+asyncpg://") and f"@{postgres}:5432/" in url
    db = services[postgres]["environment"]["POSTGRES_DB"]
    assert url.endswith(f"/{db}")
