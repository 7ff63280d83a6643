// Small browser helpers the Blazor components call through JS interop.
window.commerceDesk = {
    // Submits a server form (sign-out) the way its own submit button would, antiforgery token included.
    submitForm: function (id) {
        const form = document.getElementById(id);
        if (form) form.requestSubmit();
    }
};

// Grid rows open their record (Grids/RowLink.razor). A click anywhere on a row of a "cd-clickable-rows" grid is
// handed to that row's own link, found in the row clicked at that moment: the browser navigates (no round trip
// over the circuit, so a busy server cannot leave the click unanswered), and ctrl/shift/middle-click keep their
// meaning. Links, buttons and the selection checkbox's cell keep their own click.
(function () {
    const rowSelector = '.cd-clickable-rows tbody tr';
    const linkSelector = 'a[data-row-link]';
    const ownClick = 'a, button, input, label, select, textarea, [role=button], [role=checkbox]';
    let pressed = null;           // the row link under the last left-button press, if it was on a row
    let releaseOpened = false;    // the release already opened the row; ignore the click that may follow

    // The link of the row under a click, or null where the click has a meaning of its own (a link or button, the
    // selection checkbox's cell) or is not on a row.
    function rowLinkAt(target) {
        if (!(target instanceof Element) || target.closest(ownClick)) return null;
        return linkOfRowAt(target);
    }

    function linkOfRowAt(target) {
        const cell = target.closest('td');
        if (cell && cell.querySelector('input[type=checkbox]')) return null;
        const row = target.closest(rowSelector);
        return row ? row.querySelector(linkSelector) : null;
    }

    function selectingText(link) {
        const selection = window.getSelection();
        return selection && !selection.isCollapsed && link.closest('tr').contains(selection.anchorNode);
    }

    function open(link, event) {
        link.dispatchEvent(new MouseEvent('click', {
            bubbles: true, cancelable: true, view: window, button: event.button,
            ctrlKey: event.ctrlKey, shiftKey: event.shiftKey, altKey: event.altKey, metaKey: event.metaKey,
        }));
    }

    document.addEventListener('pointerdown', event => {
        if (!event.isTrusted) return;
        releaseOpened = false;
        // A press on the row's own link counts too: if the row is redrawn before the release, no click reaches it.
        pressed = event.button !== 0 || !(event.target instanceof Element) ? null
            : event.target.closest(linkSelector) ?? rowLinkAt(event.target);
    }, true);

    // A reload that brings the same record back with changed values replaces its row between press and release;
    // the browser then sends the click to no row at all (a server-side RowClick is lost the same way). The
    // release anywhere on the record's new row, its link included (no click reaches that link either), still
    // opens it; a release on another record's row opens nothing.
    document.addEventListener('pointerup', event => {
        const before = pressed;
        pressed = null;
        if (!event.isTrusted || event.button !== 0 || !before || before.isConnected) return;
        const link = event.target instanceof Element ? linkOfRowAt(event.target) : null;
        if (!link || link.getAttribute('href') !== before.getAttribute('href') || selectingText(link)) return;
        releaseOpened = true;
        open(link, event);
    }, true);

    function onRowClick(event) {
        // Only the manager's own clicks: not the one handed to the link here, nor another script's.
        if (!event.isTrusted || event.defaultPrevented || (event.type === 'auxclick' && event.button !== 1)) return;
        if (releaseOpened) { releaseOpened = false; return; }
        const link = rowLinkAt(event.target);
        // Letting go after selecting text in a row is copying, not opening.
        if (link && !selectingText(link)) open(link, event);
    }

    document.addEventListener('click', onRowClick);
    document.addEventListener('auxclick', onRowClick);
})();
