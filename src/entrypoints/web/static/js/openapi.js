// Starts Swagger UI on /schema (a classic script: swagger-ui.js defines SwaggerUIBundle).
// validatorUrl: null keeps the page from asking validator.swagger.io about our document.
(() => {
  const root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: root.dataset.specUrl, domNode: root, deepLinking: true, validatorUrl: null });
})();
