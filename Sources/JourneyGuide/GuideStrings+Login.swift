/// The words of "Log in with e-legitimation".
extension GuideStrings {
    var loginTitle: String { t("login-title", "Log in with e-legitimation", "Logga in med e-legitimation") }
    var loginWhyFetch: String {
        t("login-why-fetch", "An agency may already have this about you. Before Lotsen fetches anything, show who you are with your e-legitimation (such as BankID or Freja).",
            "En myndighet kan redan ha de här uppgifterna om dig. Innan Lotsen hämtar något visar du vem du är med din e-legitimation (till exempel BankID eller Freja).")
    }
    var loginWhySend: String {
        t("login-why-send", "Before Lotsen sends anything in your name, show who you are with your e-legitimation (such as BankID or Freja).",
            "Innan Lotsen skickar något i ditt namn visar du vem du är med din e-legitimation (till exempel BankID eller Freja).")
    }
    var loginForThisVisit: String {
        t("login-for-this-visit", "You stay logged in for this visit only.", "Du är inloggad bara under det här besöket.")
    }
    var loginYes: String { t("login-yes", "Log in with e-legitimation", "Logga in med e-legitimation") }
    var loginOpen: String {
        t("login-open", "Open this link and approve the login in your e-legitimation app:", "Öppna länken och godkänn inloggningen i din e-legitimationsapp:")
    }
    func loginCode(_ code: String) -> String {
        t("login-code", "Check that the app shows the code {code}.", "Kontrollera att appen visar koden {code}.", ["code": code])
    }
    var loginApproved: String { t("login-approved", "I have approved", "Jag har godkänt") }
    var loginCancel: String { t("login-cancel", "Cancel", "Avbryt") }
    var loginNotYet: String {
        t("login-not-yet", "Not approved yet. Approve in the app, then choose 1.", "Inte godkänt än. Godkänn i appen och välj sedan 1.")
    }
    var loggedIn: String {
        t("logged-in", "You are logged in for this visit.", "Du är inloggad under det här besöket.")
    }
    var loginDeclined: String {
        t("login-declined", "Not logged in: Lotsen fetches and sends nothing for you. Answer yourself, or apply on the agency's own site.",
            "Inte inloggad: Lotsen hämtar och skickar inget åt dig. Svara själv, eller ansök på myndighetens egen webbplats.")
    }
    var loginOtherPerson: String {
        t("login-other-person", "That login was for someone else, so Lotsen did not use it.", "Inloggningen gällde någon annan, så Lotsen använde den inte.")
    }
    var loginFailed: String {
        t("login-failed", "The login did not work: it was declined, took too long, or the number is not one the provider knows. Answer yourself, or try again on your next visit.",
            "Inloggningen fungerade inte: den avböjdes, tog för lång tid eller gällde ett nummer som leverantören inte känner till. Svara själv, eller försök igen vid nästa besök.")
    }
}
