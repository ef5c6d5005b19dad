// diplobot console: progressive enhancement only. Every page works without this file; with it, the rule
// form checks the rule as you type (the same check and messages as the CLI, from /api/rules/check), and an
// open Stories page (its first page) takes in new stories without a reload.
"use strict";
(function () {
  const results = document.getElementById("story-results");
  if (!results || !results.dataset.refresh || !window.fetch || !window.DOMParser) return;
  const status = document.getElementById("live-status");
  const every = Math.max(1, Number(results.dataset.refresh)) * 1000;
  const ids = (root) => Array.from(root.querySelectorAll("[data-story]"), (e) => e.dataset.story);

  async function refresh() {
    if (results.contains(document.activeElement)) return; // never move what a keyboard user is on
    try {
      const resp = await fetch(window.location.href, { credentials: "same-origin" });
      if (!resp.ok || !resp.url.startsWith(window.location.origin + "/stories")) return; // signed out: leave it
      const page = new DOMParser().parseFromString(await resp.text(), "text/html");
      const fresh = page.getElementById("story-results");
      if (!fresh) return;
      const before = new Set(ids(results));
      const added = ids(fresh).filter((id) => !before.has(id)).length;
      if (fresh.innerHTML === results.innerHTML) return;
      results.innerHTML = fresh.innerHTML;
      const now = new Date().toISOString().slice(11, 16);
      status.textContent = added
        ? `Updated ${now} UTC: ${added} new ${added === 1 ? "story" : "stories"}.`
        : `Updated ${now} UTC.`;
    } catch (err) {
      // the bot is restarting or unreachable: try again next time
    }
  }
  setInterval(refresh, every);
})();
(function () {
  const form = document.getElementById("rule-form");
  if (!form || !window.fetch) return;
  const csrf = form.querySelector("input[name=csrf]").value;
  let timer = null;
  let seq = 0;

  function show(errors) {
    const byField = {};
    for (const e of errors) {
      const head = String(e.field || "").split(".")[0];
      const key = form.querySelector(`[data-error-for="${head}"]`) ? head : "form";
      (byField[key] = byField[key] || []).push(key === "form" ? e.message : `${e.field}: ${e.message}`);
    }
    for (const p of form.querySelectorAll("[data-error-for]")) {
      const name = p.getAttribute("data-error-for");
      const text = (byField[name] || []).join("; ");
      p.textContent = text;
      const input = form.querySelector(`[name="${name}"]`);
      if (input && input.type !== "hidden") {
        if (text) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
        const wrap = input.closest(".field");
        if (wrap) wrap.classList.toggle("invalid", Boolean(text));
      }
    }
    form.dataset.checked = errors.length ? "invalid" : "valid";
  }

  async function check() {
    const mine = ++seq;
    const body = new URLSearchParams(new FormData(form));
    try {
      const resp = await fetch(form.dataset.check, {
        method: "POST", body, credentials: "same-origin", headers: { "X-CSRF-Token": csrf },
      });
      if (!resp.ok || mine !== seq) return;
      const result = await resp.json();
      if (mine === seq) show(result.errors || []);
    } catch (err) {
      // offline or the bot stopped: the server checks the rule again on Preview and Save
    }
  }

  form.addEventListener("input", function () {
    form.dataset.checked = "pending";
    clearTimeout(timer);
    timer = setTimeout(check, 250);
  });
})();
