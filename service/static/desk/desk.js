// The desk works without this script; with it, participant fields suggest names from
// /v1/participants as one types, and a submitted filter form leaves empty fields out of the URL.
(function () {
  "use strict";
  var options = document.getElementById("participant-options");
  var timer = null;
  var asked = "";

  function fill(people) {
    var items = people.map(function (person) {
      var option = document.createElement("option");
      option.value = person.slug;
      option.label = person.name + (person.country ? " (" + person.country + ")" : "");
      return option;
    });
    options.replaceChildren.apply(options, items);
  }

  function suggest(text) {
    var url = "/v1/participants?limit=10&q=" + encodeURIComponent(text);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { data: [] }; })
      .then(function (body) { fill(body.data || []); })
      .catch(function () { /* suggestions are a convenience: the field works without them */ });
  }

  if (options && window.fetch) {
    document.querySelectorAll('input[list="participant-options"]').forEach(function (input) {
      input.addEventListener("input", function () {
        var text = input.value.trim();
        if (text.length < 2 || text === asked) { return; }
        asked = text;
        clearTimeout(timer);
        timer = setTimeout(function () { suggest(text); }, 200);
      });
    });
  }

  var form = document.querySelector("form.filters");
  if (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[name], select[name]").forEach(function (field) {
        if (field.type !== "checkbox" && !field.value) { field.disabled = true; }
      });
    });
    // coming back (history), the fields must be usable again
    window.addEventListener("pageshow", function () {
      form.querySelectorAll("[disabled]").forEach(function (field) { field.disabled = false; });
    });
  }
}());
