// The console's one script. Every page works without it; with it, the hall follows the server's events
// (an EventSource on /console/hall/events) and fetches its live part again, and the loket timers tick.
// The devices page's list follows the same stream the same way: a page's live part is its [data-live-url].
// So do the Today page's switches and the staff list; a live part with forms keeps what is being typed there,
// the field being typed in, and a refusal shown next to its form.
"use strict";
(function () {
  let offset = 0; // the server's clock minus this browser's, from the page's data-at (its moment on the server)
  let leaving = false; // a form was sent: its answer, not a reload, shows next (signing out ends the stream too)

  function reload() {
    if (!leaving) location.reload();
  }

  function syncClock() {
    const stamped = document.querySelector("[data-at]");
    if (stamped) offset = Date.parse(stamped.dataset.at) - Date.now();
  }

  function tick() {
    const now = Date.now() + offset;
    document.querySelectorAll(".timer[data-since]").forEach(function (el) {
      const seconds = Math.max(0, Math.floor((now - Date.parse(el.dataset.since)) / 1000));
      el.textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    });
  }

  function changed(field) {
    if (field.type === "hidden" || field.type === "submit") return false;
    if (field.tagName === "SELECT") {
      return Array.from(field.options).some(function (o) { return o.selected !== o.defaultSelected; });
    }
    if (field.type === "checkbox" || field.type === "radio") return field.checked !== field.defaultChecked;
    return field.value !== field.defaultValue;
  }

  function replaceKeepingTyped(box, html) {
    const typed = [];
    box.querySelectorAll("input[id], textarea[id], select[id]").forEach(function (field) {
      // A refused form's fields hold what was typed (the refusal's page put it there): kept too.
      const refused = field.form && field.form.querySelector(".problem") && field.type !== "hidden";
      if (changed(field) || refused) typed.push([field.id, field.type === "checkbox" ? field.checked : field.value]);
    });
    const problems = [];
    box.querySelectorAll("form[id] .problem").forEach(function (p) { problems.push([p.closest("form").id, p]); });
    const active = box.contains(document.activeElement) ? document.activeElement : null;
    const focused = active && active.id ? [active.id, active.selectionStart, active.selectionEnd] : null;
    box.innerHTML = html;
    typed.forEach(function (kept) {
      const field = document.getElementById(kept[0]);
      if (!field || !box.contains(field)) return;
      if (field.type === "checkbox") field.checked = kept[1]; else field.value = kept[1];
    });
    problems.forEach(function (kept) {
      const form = document.getElementById(kept[0]);
      if (form && box.contains(form) && !form.querySelector(".problem")) form.appendChild(kept[1]);
    });
    const again = focused && document.getElementById(focused[0]);
    if (again && box.contains(again)) {
      again.focus();
      if (focused[1] !== null && typeof again.setSelectionRange === "function") {
        try { again.setSelectionRange(focused[1], focused[2]); } catch (notText) { /* a field without a caret */ }
      }
    }
  }

  function followHall() {
    const box = document.querySelector("[data-live-url]");
    if (!box) return;
    const state = document.getElementById("live-state");
    let fetching = false;
    let again = false;

    function show(live) {
      state.textContent = live ? state.dataset.live : state.dataset.offline;
      state.className = "live-state " + (live ? "on" : "off");
    }

    async function refresh() {
      if (leaving) return;
      if (fetching) { again = true; return; }
      fetching = true;
      try {
        const answer = await fetch(box.dataset.liveUrl, {credentials: "same-origin"});
        if (answer.redirected || answer.status === 401 || answer.status === 403) { reload(); return; }
        if (answer.ok) {
          replaceKeepingTyped(box, await answer.text());
          box.dataset.updates = String(Number(box.dataset.updates || "0") + 1);
          syncClock();
          tick();
        }
      } catch (problem) {
        show(false);
      } finally {
        fetching = false;
        if (again) { again = false; refresh(); }
      }
    }

    // A live part rendered with its event number (data-seq) is fetched again only for a newer event: what is
    // on the page is already what the server had then, and fields being typed in are not replaced for nothing.
    function onEvent(event) {
      if (box.dataset.seq !== undefined) {
        const seq = Number(event.data);
        if (!(seq > Number(box.dataset.seq))) return;
        box.dataset.seq = String(seq);
      }
      refresh();
    }

    const stream = new EventSource(box.dataset.streamUrl);
    stream.addEventListener("open", function () { show(true); if (box.dataset.seq === undefined) refresh(); });
    stream.addEventListener("hall", onEvent);
    stream.addEventListener("signed_out", function () { stream.close(); reload(); });
    stream.addEventListener("error", function () {
      show(false);
      if (stream.readyState === EventSource.CLOSED) setTimeout(reload, 5000);
    });
    // Waits grow and devices fall silent with no event: the figures are fetched again each half minute.
    setInterval(refresh, 30000);
  }

  document.addEventListener("submit", function () { leaving = true; });
  document.addEventListener("DOMContentLoaded", function () {
    syncClock();
    tick();
    setInterval(tick, 1000);
    followHall();
  });
})();
