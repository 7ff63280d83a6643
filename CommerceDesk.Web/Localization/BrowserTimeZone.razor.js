// The browser's IANA time zone ("Europe/Berlin"). Loaded as a module by App.razor on every full page load, so the
// cookie is set before the next request and the server prerenders in the manager's zone; the BrowserTimeZone
// component imports it again once the circuit runs, for the first visit and for a zone that changed mid-session.
const cookieName = "CommerceDesk.TimeZone"; // DisplayTimeZone.CookieName reads it on the server

export function timeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch {
        return "";
    }
}

export function remember() {
    const zone = timeZone();
    document.cookie = `${cookieName}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    return zone;
}

remember();
