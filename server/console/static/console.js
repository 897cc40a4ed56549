// The console's one script. Every page works without it; with it, the hall follows the server's events
// (an EventSource on /console/hall/events) and fetches its live part again, and the loket timers tick.
// The devices page's list follows the same stream the same way: a page's live part is its [data-live-url].
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
      if (fetching) { again = true; return; }
      fetching = true;
      try {
        const answer = await fetch(box.dataset.liveUrl, {credentials: "same-origin"});
        if (answer.redirected || answer.status === 401 || answer.status === 403) { reload(); return; }
        if (answer.ok) {
          box.innerHTML = await answer.text();
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

    const stream = new EventSource(box.dataset.streamUrl);
    stream.addEventListener("open", function () { show(true); refresh(); });
    stream.addEventListener("hall", refresh);
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
