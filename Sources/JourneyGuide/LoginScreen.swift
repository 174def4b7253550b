import Foundation
import JourneyModel

/// The screens of "Log in with e-legitimation": the offer, and the link and code to approve with.
struct LoginScreen {
    let strings: GuideStrings

    func offer(_ purpose: GuideSession.LoginPurpose) -> Screen {
        var screen = Screen([Line(strings.loginTitle, style: .title)])
        screen.add(Line(purpose == .fetch ? strings.loginWhyFetch : strings.loginWhySend))
        screen.add(Line(strings.loginForThisVisit, style: .muted))
        screen.addBlank()
        screen.add(Line(strings.loginYes, style: .highlight, prefix: "  1) "))
        screen.add(Line(purpose == .fetch ? strings.fetchNo : strings.sendNo, style: .highlight, prefix: "  2) "))
        return screen
    }

    func waiting(_ order: LoginOrder) -> Screen {
        var screen = Screen([Line(strings.loginTitle, style: .title)])
        screen.add(Line(strings.loginOpen))
        screen.add(Line(order.verificationURL.absoluteString, style: .highlight, prefix: "  "))
        screen.add(Line(strings.loginCode(order.userCode)))
        screen.addBlank()
        screen.add(Line(strings.loginApproved, style: .highlight, prefix: "  1) "))
        screen.add(Line(strings.loginCancel, style: .highlight, prefix: "  2) "))
        return screen
    }
}
