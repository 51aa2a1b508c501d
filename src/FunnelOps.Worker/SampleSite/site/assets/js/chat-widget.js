/* Keelboard chat launcher (legacy vendor snippet, kept for the demo page). */
window.KeelboardChat = window.KeelboardChat || {
  queue: [],
  open: function () { this.queue.push({ action: "open", at: Date.now() }); }
};
