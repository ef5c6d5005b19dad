"""Slack's message, Block Kit and modal limits, checked the way Slack checks them (in UTF-16 code units).

The fake Slack (tests/support/slack_server.py) refuses what these find; render tests call them directly.
"""

from __future__ import annotations

import json
from typing import Any


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _text_errors(obj: Any, where: str, limit: int, *, plain_only: bool = False) -> list[str]:
    if not isinstance(obj, dict) or obj.get("type") not in ("plain_text", "mrkdwn"):
        return [f"{where}: must be a text object"]
    if plain_only and obj["type"] != "plain_text":
        return [f"{where}: must be plain_text"]
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        return [f"{where}: text must be a non-empty string"]
    if _units(text) > limit:
        return [f"{where}: must be less than {limit + 1} characters"]
    return []


def _element_errors(el: Any, where: str) -> list[str]:
    if not isinstance(el, dict):
        return [f"{where}: not an object"]
    if el.get("type") == "button":
        errs = _text_errors(el.get("text"), f"{where}.text", 75, plain_only=True)
        if len(str(el.get("value", ""))) > 2000:
            errs.append(f"{where}.value: must be less than 2001 characters")
        if len(str(el.get("action_id", ""))) > 255:
            errs.append(f"{where}.action_id: too long")
        return errs
    if el.get("type") == "plain_text_input":
        errs = []
        if len(str(el.get("initial_value", ""))) > 3000:
            errs.append(f"{where}.initial_value: too long")
        if int(el.get("max_length", 3000)) > 3000:
            errs.append(f"{where}.max_length: too large")
        return errs
    return [f"{where}: unsupported element {el.get('type')!r}"]


def block_errors(blocks: Any, *, max_blocks: int = 50) -> list[str]:
    """Validate blocks against Block Kit limits; an empty list means Slack would accept them."""
    if not isinstance(blocks, list):
        return ["blocks: must be a list"]
    errs: list[str] = []
    if len(blocks) > max_blocks:
        errs.append(f"blocks: no more than {max_blocks} items allowed")
    for i, block in enumerate(blocks):
        where = f"blocks[{i}]"
        if not isinstance(block, dict):
            errs.append(f"{where}: not an object")
            continue
        if len(str(block.get("block_id", ""))) > 255:
            errs.append(f"{where}.block_id: too long")
        kind = block.get("type")
        if kind == "header":
            errs += _text_errors(block.get("text"), f"{where}.text", 150, plain_only=True)
        elif kind == "section":
            if "text" not in block and "fields" not in block:
                errs.append(f"{where}: needs text or fields")
            if "text" in block:
                errs += _text_errors(block["text"], f"{where}.text", 3000)
            if "fields" in block:
                flds = block["fields"]
                if not isinstance(flds, list) or not flds or len(flds) > 10:
                    errs.append(f"{where}.fields: 1 to 10 items")
                else:
                    for j, f in enumerate(flds):
                        errs += _text_errors(f, f"{where}.fields[{j}]", 2000)
            if "accessory" in block:
                errs += _element_errors(block["accessory"], f"{where}.accessory")
        elif kind == "context":
            els = block.get("elements")
            if not isinstance(els, list) or not els or len(els) > 10:
                errs.append(f"{where}.elements: 1 to 10 items")
            else:
                for j, e in enumerate(els):
                    errs += _text_errors(e, f"{where}.elements[{j}]", 3000)
        elif kind == "actions":
            els = block.get("elements")
            if not isinstance(els, list) or not els or len(els) > 25:
                errs.append(f"{where}.elements: 1 to 25 items")
            else:
                ids = [e.get("action_id") for e in els if isinstance(e, dict)]
                if len(ids) != len(set(ids)):
                    errs.append(f"{where}.elements: duplicate action_id")
                for j, e in enumerate(els):
                    errs += _element_errors(e, f"{where}.elements[{j}]")
        elif kind == "divider":
            pass
        elif kind == "input":
            errs += _text_errors(block.get("label"), f"{where}.label", 2000, plain_only=True)
            errs += _element_errors(block.get("element"), f"{where}.element")
            if "hint" in block:
                errs += _text_errors(block["hint"], f"{where}.hint", 2000, plain_only=True)
        else:
            errs.append(f"{where}: unsupported block type {kind!r}")
    return errs


def message_error(body: dict[str, Any], *, max_text: int = 4000) -> tuple[str, list[str]] | None:
    """("invalid_blocks"|"msg_too_long"|"no_text", details) if Slack would refuse this message, else None."""
    text = body.get("text")
    blocks = body.get("blocks")
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            return "invalid_blocks", ["blocks: not JSON"]
    if isinstance(text, str) and _units(text) > max_text:
        return "msg_too_long", [f"text: {_units(text)} > {max_text}"]
    if blocks is not None:
        errs = block_errors(blocks)
        if errs:
            return "invalid_blocks", errs
    elif not text:
        return "no_text", []
    return None


def view_errors(view: Any) -> list[str]:
    """Validate a modal view (title/submit/close 24, at most 100 blocks, private_metadata 3,000)."""
    if not isinstance(view, dict) or view.get("type") != "modal":
        return ["view: must be a modal"]
    errs = _text_errors(view.get("title"), "view.title", 24, plain_only=True)
    for key in ("submit", "close"):
        if key in view:
            errs += _text_errors(view[key], f"view.{key}", 24, plain_only=True)
    if len(str(view.get("private_metadata", ""))) > 3000:
        errs.append("view.private_metadata: too long")
    has_input = any(isinstance(b, dict) and b.get("type") == "input" for b in view.get("blocks", []))
    if has_input and "submit" not in view:
        errs.append("view.submit: required with input blocks")
    return errs + block_errors(view.get("blocks"), max_blocks=100)
