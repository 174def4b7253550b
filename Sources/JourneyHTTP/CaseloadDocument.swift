/// `GET /v1/caseload`: a journey's counts for a caseworker's overview.
struct CaseloadDocument: Encodable {
    let journey: String
    /// Steps past their due moment.
    let overdue: Int
    /// Steps due within a week.
    let dueSoon: Int
    /// Cases an agency has had longer than its expected processing time.
    let overdueAtAgency: Int
}
