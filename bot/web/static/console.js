// diplobot console: progressive enhancement only. Every page works without this file; with it, the rule
// form checks the rule as you type (the same check and messages as the CLI, from /api/rules/check).
"use strict";
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
