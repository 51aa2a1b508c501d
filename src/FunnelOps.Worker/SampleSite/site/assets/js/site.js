/* Keelboard marketing site: small progressive enhancements. Loaded with defer. */
(function () {
  "use strict";

  // Mark the current section in the main navigation.
  var path = window.location.pathname;
  var links = document.querySelectorAll(".main-nav a");
  for (var i = 0; i < links.length; i++) {
    var href = links[i].getAttribute("href");
    if (href && href !== "/" && path.indexOf(href) === 0) {
      links[i].setAttribute("aria-current", "page");
    }
  }

  // ROI calculator: estimate yearly savings from the three inputs.
  var output = document.getElementById("roi-estimate");
  if (output) {
    var engineers = document.getElementById("roi-engineers");
    var cost = document.getElementById("roi-cost");
    var hours = document.getElementById("roi-hours");
    var update = function () {
      var n = parseFloat(engineers.value) || 0;
      var c = parseFloat(cost.value) || 0;
      var h = parseFloat(hours.value) || 0;
      // Keelboard customers recover about 60% of the hours spent on status work.
      var saved = n * (c / 1800) * h * 46 * 0.6;
      output.textContent = "$" + Math.round(saved).toLocaleString("en-US");
    };
    [engineers, cost, hours].forEach(function (el) { el.addEventListener("input", update); });
    update();
  }
})();
