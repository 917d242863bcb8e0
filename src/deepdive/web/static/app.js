// deepdive — a visible practice timer and Ctrl+Enter to submit. No third-party code.
(function () {
  "use strict";
  var timer = document.getElementById("timer");
  var toggle = document.getElementById("timer-toggle");
  if (timer && toggle) {
    var low = Number(timer.dataset.low), high = Number(timer.dataset.high);
    var started = null, handle = null;
    var show = function () {
      var s = Math.floor((Date.now() - started) / 1000);
      timer.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
      timer.classList.toggle("in-target", s >= low && s <= high);
      timer.classList.toggle("over", s > high);
    };
    var start = function () {
      if (handle) { return; }
      started = Date.now();
      handle = window.setInterval(show, 250);
      toggle.textContent = "Stop timer";
    };
    toggle.addEventListener("click", function () {
      if (handle) {
        window.clearInterval(handle);
        handle = null;
        toggle.textContent = "Start timer";
      } else {
        start();
      }
    });
    var answer = document.getElementById("answer");
    if (answer) { answer.addEventListener("input", start, { once: true }); }
  }
  document.querySelectorAll("textarea").forEach(function (area) {
    area.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && area.form) {
        event.preventDefault();
        area.form.requestSubmit();
      }
    });
  });
})();
