// Start Swagger UI on the API's own document. validatorUrl: null keeps it from calling
// the public validator: everything this page needs comes from this server.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout",
    onComplete: function () { document.body.setAttribute("data-docs-ready", "true"); }
  });
});
