// Small browser helpers the Blazor components call through JS interop.
window.commerceDesk = {
    // Submits a server form (sign-out) the way its own submit button would, antiforgery token included.
    submitForm: function (id) {
        const form = document.getElementById(id);
        if (form) form.requestSubmit();
    }
};
