// Loaded (not inline, for the Content-Security-Policy) at the top of <body>, before anything is
// drawn: GOV.UK Frontend's styles for components with JavaScript depend on these two classes.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
