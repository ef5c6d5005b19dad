"""The folders follow the flow of the README's diagram: no module imports from a later stage, and no import circle.

    ingest -> detect -> stories -> (repo) -> alerts -> commands -> ops -> web -> the wiring (app, cli)

Below every stage: the shared types and helpers (bot/*.py such as models, errors, channels, codec) and
storage/. `repo/` is the data access of the stages before it. What counts is every import that runs: at the
top of a module, inside a function, or named to `lazy_module`; imports under `if TYPE_CHECKING:` are for
annotations only and never run, so they are left out.

The pipeline and the scheduler (bot/ingest/pipeline.py, bot/ingest/scheduler.py) run the later stages in
order, in one transaction per chunk of a poll: they are the only modules allowed to import a later stage.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BOT = REPO / "bot"

# The stages in the order of the flow; a module may import its own stage and the stages before it.
STAGES = ("base", "storage", "ingest", "detect", "stories", "repo", "alerts", "commands", "ops", "web", "wiring")
# Top-level modules that wire the stages together (they may import everything).
WIRING = {"bot.app", "bot.cli", "bot.__main__"}
# The packages of bot/ that are not a stage of their own: the relevance model belongs to detection.
PACKAGE_STAGE = {"model": "detect", "data": "base"}
CONDUCTORS = {"bot.ingest.pipeline", "bot.ingest.scheduler"}


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in BOT.rglob("*.py"):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _stage(module: str) -> str:
    if module in WIRING:
        return "wiring"
    parts = module.split(".")
    if len(parts) == 1 or (len(parts) == 2 and MODULES[module].name != "__init__.py" and parts[1] not in STAGES):
        return "base"  # bot/*.py: shared types and helpers
    return PACKAGE_STAGE.get(parts[1], parts[1])


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(module: str) -> set[str]:
    """The bot modules that `module` imports when it runs (not those under `if TYPE_CHECKING:`)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:
                names.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "lazy_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    resolved = {_resolve(n) for n in names if n == "bot" or n.startswith("bot.")}
    return {r for r in resolved if r is not None and r != module and r != "bot"}


GRAPH = {module: _runtime_imports(module) for module in MODULES}


def test_every_module_has_a_stage() -> None:
    assert {m: _stage(m) for m in MODULES if _stage(m) not in STAGES} == {}


def test_no_module_imports_a_later_stage() -> None:
    later = {
        module: sorted(
            f"{dep} ({_stage(dep)})" for dep in deps if STAGES.index(_stage(dep)) > STAGES.index(_stage(module))
        )
        for module, deps in GRAPH.items()
        if module not in CONDUCTORS
    }
    assert {m: d for m, d in later.items() if d} == {}


def test_the_conductors_are_in_ingest() -> None:
    assert {_stage(m) for m in CONDUCTORS} == {"ingest"}


def test_no_import_circle() -> None:
    # Depth-first search; a module met again while still on the path closes a circle.
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def walk(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(GRAPH[module]):
            if state.get(dep) == 1:
                circles.append([*path[path.index(dep) :], dep])
            elif dep not in state:
                walk(dep, [*path, dep])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            walk(module, [module])
    assert circles == []


def test_the_check_sees_imports_inside_functions_and_lazy_modules() -> None:
    # The circle that was fixed ran through an import inside a function; the commands load their
    # repositories with lazy_module (the one table in bot.commands.deps): both must count, or the tests above
    # would pass on a blind walk.
    assert "bot.commands.topics" in GRAPH["bot.commands.complete"]
    assert "bot.commands.deps" in GRAPH["bot.commands.deliveries"]
    assert "bot.repo.outbox" in GRAPH["bot.commands.deps"]
    assert "bot.commands.complete" in GRAPH["bot.commands.core"]
