/// What each caller gets from each documented operation (`AuthorizationMatrixTests`, `MatrixWorld`). A citizen who
/// asks about someone else's data gets the 404 of data that does not exist; other roles get 403 for what their role
/// may not do; a request without a token gets 401. A guardian reads the child's data and acts in their journeys, and
/// nothing else in their name; a parent who is not the child's guardian is any other citizen.
enum AuthorizationMatrix {
    static func row(anonymous: Int = 401, person: Int, unprovenPerson: Int, otherCitizen: Int, representative: Int,
        representativeOutsideMandate: Int, guardian: Int, notGuardian: Int, caseworker: Int, counter: Int, agency: Int = 403, otherAgency: Int = 403)
        -> [Caller: Int]
    {
        [.anonymous: anonymous, .person: person, .unprovenPerson: unprovenPerson, .otherCitizen: otherCitizen, .representative: representative,
         .representativeOutsideMandate: representativeOutsideMandate, .guardian: guardian, .notGuardian: notGuardian, .caseworker: caseworker,
         .counter: counter, .agency: agency, .otherAgency: otherAgency]
    }

    static func everyone(_ status: Int) -> [Caller: Int] { Dictionary(uniqueKeysWithValues: Caller.allCases.map { ($0, status) }) }

    /// The person's own data, which the person, their guardian and caseworkers read and nobody else (a representative neither).
    static let personalRead = row(person: 200, unprovenPerson: 200, otherCitizen: 404, representative: 404, representativeOutsideMandate: 404,
        guardian: 200, notGuardian: 404, caseworker: 200, counter: 403)

    /// Moving a step of the person's journey.
    static let stepMove = row(person: 200, unprovenPerson: 200, otherCitizen: 404, representative: 200, representativeOutsideMandate: 404,
        guardian: 200, notGuardian: 404, caseworker: 403, counter: 200)

    /// Accepting or declining an offer.
    static let offerDecision = row(person: 200, unprovenPerson: 200, otherCitizen: 404, representative: 404, representativeOutsideMandate: 404,
        guardian: 404, notGuardian: 404, caseworker: 403, counter: 200)

    static let rows: [String: [Caller: Int]] = [
        "GET /live": everyone(200),
        "GET /health": everyone(200),
        "GET /openapi.yaml": everyone(200),
        "GET /metrics": everyone(200),
        "GET /v1/journeys": row(person: 200, unprovenPerson: 200, otherCitizen: 200, representative: 200, representativeOutsideMandate: 200,
            guardian: 200, notGuardian: 200, caseworker: 200, counter: 200, agency: 200, otherAgency: 200),
        "GET /v1/journeys/{journeyId}": row(person: 200, unprovenPerson: 200, otherCitizen: 200, representative: 200,
            representativeOutsideMandate: 200, guardian: 200, notGuardian: 200, caseworker: 200, counter: 200, agency: 200, otherAgency: 200),
        // Each citizen starts a journey for themselves (a representative too: the mandate is not for starting one); the
        // representative has new-in-sweden already, so gets it back. A guardian starts it for the child; a parent who is
        // not the child's guardian is told the child does not exist.
        "POST /v1/enrollments": row(person: 201, unprovenPerson: 201, otherCitizen: 201, representative: 200, representativeOutsideMandate: 200,
            guardian: 201, notGuardian: 404, caseworker: 403, counter: 403),
        "GET /v1/enrollments": row(person: 403, unprovenPerson: 403, otherCitizen: 403, representative: 403, representativeOutsideMandate: 403,
            guardian: 403, notGuardian: 403, caseworker: 200, counter: 403),
        "GET /v1/enrollments/{enrollmentId}": row(person: 200, unprovenPerson: 200, otherCitizen: 404, representative: 200,
            representativeOutsideMandate: 404, guardian: 200, notGuardian: 404, caseworker: 200, counter: 200),
        "POST /v1/enrollments/{enrollmentId}/facts": stepMove,
        "POST /v1/enrollments/{enrollmentId}/steps/{stepId}/start": stepMove,
        "POST /v1/enrollments/{enrollmentId}/steps/{stepId}/complete": stepMove,
        // The bank certificate is required: whoever may move the step reaches the engine, which refuses to skip it (422);
        // no optional step of an aktiebolag is open at that point. Everyone else is stopped before.
        "POST /v1/enrollments/{enrollmentId}/steps/{stepId}/skip": row(person: 422, unprovenPerson: 422, otherCitizen: 404, representative: 422,
            representativeOutsideMandate: 404, guardian: 422, notGuardian: 404, caseworker: 403, counter: 422),
        "GET /v1/caseload": row(person: 403, unprovenPerson: 403, otherCitizen: 403, representative: 403, representativeOutsideMandate: 403,
            guardian: 403, notGuardian: 403, caseworker: 200, counter: 403),
        "GET /v1/people/{personId}": row(person: 200, unprovenPerson: 200, otherCitizen: 404, representative: 404,
            representativeOutsideMandate: 404, guardian: 200, notGuardian: 404, caseworker: 200, counter: 403),
        "GET /v1/people/{personId}/journal": personalRead,
        "GET /v1/people/{personId}/facts": personalRead,
        "GET /v1/people/{personId}/consents": personalRead,
        "GET /v1/people/{personId}/news": personalRead,
        "GET /v1/people/{personId}/mandates": personalRead,
        "GET /v1/people/{personId}/offers": personalRead,
        // Only the person decides on an offer (or a counter token made for them); a representative's mandate is for a journey
        // already started.
        "POST /v1/people/{personId}/offers/{offerId}/accept": offerDecision,
        "POST /v1/people/{personId}/offers/{offerId}/decline": offerDecision,
        "POST /v1/people/{personId}/consents/{consentId}/withdraw": row(person: 200, unprovenPerson: 200, otherCitizen: 404, representative: 404,
            representativeOutsideMandate: 404, guardian: 404, notGuardian: 404, caseworker: 403, counter: 403),
        "POST /v1/people/{personId}/news/{newsId}/read": row(person: 200, unprovenPerson: 200, otherCitizen: 404, representative: 404,
            representativeOutsideMandate: 404, guardian: 404, notGuardian: 404, caseworker: 403, counter: 403),
        // Only a proven person grants; the unproven founder is told to log in.
        "POST /v1/people/{personId}/mandates": row(person: 201, unprovenPerson: 403, otherCitizen: 404, representative: 404,
            representativeOutsideMandate: 404, guardian: 404, notGuardian: 404, caseworker: 403, counter: 403),
        // The unproven founder has no mandate to withdraw: theirs is 404 like any unknown one.
        "POST /v1/people/{personId}/mandates/{mandateId}/withdraw": row(person: 200, unprovenPerson: 404, otherCitizen: 404, representative: 404,
            representativeOutsideMandate: 404, guardian: 404, notGuardian: 404, caseworker: 403, counter: 403),
        // Only the person lists the children in their custody, once proven; the register is asked about nobody else.
        "GET /v1/people/{personId}/children": row(person: 200, unprovenPerson: 403, otherCitizen: 404, representative: 404,
            representativeOutsideMandate: 404, guardian: 404, notGuardian: 404, caseworker: 403, counter: 403),
        "POST /v1/sessions": everyone(503),
        "DELETE /v1/sessions/current": row(person: 403, unprovenPerson: 403, otherCitizen: 403, representative: 403,
            representativeOutsideMandate: 403, guardian: 403, notGuardian: 403, caseworker: 403, counter: 403),
        "POST /v1/agency-events": row(person: 403, unprovenPerson: 403, otherCitizen: 403, representative: 403, representativeOutsideMandate: 403,
            guardian: 403, notGuardian: 403, caseworker: 403, counter: 403, agency: 202, otherAgency: 403),
        // The agency token is Migrationsverket's, the other agency's Bolagsverket's: the event is Migrationsverket's.
        "POST /v1/life-events": row(person: 403, unprovenPerson: 403, otherCitizen: 403, representative: 403, representativeOutsideMandate: 403,
            guardian: 403, notGuardian: 403, caseworker: 403, counter: 403, agency: 202, otherAgency: 403),
    ]
}
