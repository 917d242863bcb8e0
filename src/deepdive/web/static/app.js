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

// Recording in the browser (MediaRecorder) with a live timer; uploads like a chosen file.
(function () {
  "use strict";
  var box = document.getElementById("recorder");
  var button = document.getElementById("record");
  var form = document.getElementById("audio-form");
  if (!box || !button || !form || !window.MediaRecorder || !navigator.mediaDevices) { return; }
  box.hidden = false;
  var status = document.getElementById("record-status");
  var clock = document.getElementById("record-timer");
  var recorder = null, chunks = [], started = 0, tick = null;
  var project = document.getElementById("project");
  var hiddenProject = document.getElementById("audio-project");
  form.addEventListener("submit", function () {
    if (project && hiddenProject) { hiddenProject.value = project.value; }
  });
  var send = function (blob) {
    var data = new FormData(form);
    data.set("audio", blob, "recording.webm");
    if (project) { data.set("project", project.value); }
    status.textContent = "Uploading…";
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { window.location.assign(response.url); })
      .catch(function () { status.textContent = "Upload failed; try again."; });
  };
  button.addEventListener("click", function () {
    if (recorder && recorder.state === "recording") {
      recorder.stop();
      return;
    }
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      chunks = [];
      recorder = new MediaRecorder(stream);
      recorder.addEventListener("dataavailable", function (e) { if (e.data.size) { chunks.push(e.data); } });
      recorder.addEventListener("stop", function () {
        window.clearInterval(tick);
        stream.getTracks().forEach(function (t) { t.stop(); });
        button.textContent = "Record";
        send(new Blob(chunks, { type: recorder.mimeType || "audio/webm" }));
      });
      recorder.start(1000);
      started = Date.now();
      button.textContent = "Stop and analyse";
      status.textContent = "Recording…";
      tick = window.setInterval(function () {
        var s = Math.floor((Date.now() - started) / 1000);
        clock.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
      }, 250);
    }).catch(function () { status.textContent = "No microphone available; upload a file instead."; });
  });
})();

// Playback: selecting a sentence of a spoken answer plays the recording from there.
(function () {
  "use strict";
  var player = document.getElementById("player");
  if (!player) { return; }
  document.querySelectorAll("mark.s[data-t0]").forEach(function (mark) {
    var play = function () {
      player.currentTime = Number(mark.dataset.t0);
      player.play().catch(function () {});
    };
    mark.addEventListener("click", play);
    mark.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); play(); }
    });
  });
})();
