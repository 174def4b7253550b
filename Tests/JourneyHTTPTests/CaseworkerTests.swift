import Foundation
import HTTPTypes
import JourneyModel
import JourneyStore
import Testing

@Suite("Caseworker lists and a person's overview")
struct CaseworkerTests {
    let harness: Harness

    init() throws { harness = try Harness() }

    /// Three newcomers who reach the residence permit on days 0, 10 and 20; the second then submits it.
    func population(_ client: Client) async throws -> [Citizen] {
        var citizens: [Citizen] = []
        for number in [OfficialTestNumbers.personnummer, OfficialTestNumbers.leapDayPersonnummer, OfficialTestNumbers.centenarianPersonnummer] {
            let citizen = try await harness.citizen(identity: number, client: client)
            _ = try await client.send(.post, "/v1/enrollments/\(citizen.enrollment)/facts", token: citizen.token,
                json: ["answers": EnrollmentTests.newcomerAnswers])
            citizens.append(citizen)
            harness.advance(days: 10)
        }
        _ = try await client.send(.post, "/v1/enrollments/\(citizens[1].enrollment)/steps/residence-permit/start", token: citizens[1].token)
        return citizens
    }

    @Test("one request finds everyone stuck at a step for more than N days, longest waiting first")
    func stuckAtStep() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let citizens = try await population(client)
            // Now day 30: the first waits 30 days, the third 10, and the second moved on to in progress today.
            let stuck = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&step=residence-permit&stepState=available&unchangedForDays=7",
                token: caseworker)
            #expect(stuck.status == .ok)
            let items = try #require(stuck.json["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [citizens[0].enrollment.rawValue, citizens[2].enrollment.rawValue])
            #expect((items.first?["step"] as? [String: Any])?["state"] as? String == "available")
            #expect(stuck.json["nextCursor"] == nil)
            let longer = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&step=residence-permit&unchangedForDays=15", token: caseworker)
            #expect((longer.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [citizens[0].enrollment.rawValue])
            let started = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&step=residence-permit&stepState=inProgress", token: caseworker)
            #expect((started.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [citizens[1].enrollment.rawValue])
        }
    }

    @Test("lists filter on status, ball and days without change, and page with a cursor")
    func filtersAndPages() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let citizens = try await population(client)
            let all = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&status=active&ball=person", token: caseworker)
            #expect((all.json["items"] as? [[String: Any]])?.count == 3)
            let quiet = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&unchangedForDays=15", token: caseworker)
            #expect((quiet.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [citizens[0].enrollment.rawValue])
            let nobody = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&ball=agency", token: caseworker)
            #expect((nobody.json["items"] as? [[String: Any]])?.isEmpty == true)

            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.send(.get, "/v1/enrollments?journey=new-in-sweden&limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""),
                    token: caseworker)
                #expect(page.status == .ok)
                seen += (page.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil && seen.count < 10
            #expect(seen == [citizens[0], citizens[2], citizens[1]].map(\.enrollment.rawValue))
        }
    }

    @Test("list parameters are checked, and a list names its journey")
    func listRefusals() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("", .badRequest, "journey"),
                ("journey=new-in-sweden&colour=red", .badRequest, "colour"),
                ("journey=new-in-sweden&stepState=available", .badRequest, "stepState"),
                ("journey=new-in-sweden&step=residence-permit&stepState=done", .badRequest, "stepState"),
                ("journey=new-in-sweden&status=sleeping", .badRequest, "status"),
                ("journey=new-in-sweden&ball=referee", .badRequest, "ball"),
                ("journey=new-in-sweden&unchangedForDays=-1", .badRequest, "unchangedForDays"),
                ("journey=new-in-sweden&limit=0", .badRequest, "limit"),
                ("journey=new-in-sweden&limit=101", .badRequest, "limit"),
                ("journey=new-in-sweden&cursor=%%%", .badRequest, "cursor"),
                ("journey=new-in-sweden&journey=starting-a-business", .badRequest, "journey"),
                ("journey=new-in-sweden&step=moon-landing", .unprocessableContent, "step"),
            ]
            for (query, status, field) in cases {
                let reply = try await client.send(.get, "/v1/enrollments?\(query)", token: caseworker)
                #expect(reply.status == status, "\(query)")
                #expect(reply.errorField == field, "\(query)")
            }
            let unknown = try await client.send(.get, "/v1/enrollments?journey=moving-to-mars", token: caseworker)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("a person's overview shows every journey, to a caseworker and to the person")
    func personOverview() async throws {
        let caseworker = try await harness.token(.caseworker)
        try await harness.test { client async throws in
            let citizen = try await harness.citizen(client: client)
            _ = try await client.send(.post, "/v1/enrollments", token: citizen.token, json: ["journey": "starting-a-business"])
            let overview = try await client.send(.get, "/v1/people/\(citizen.person)", token: caseworker)
            #expect(overview.status == .ok)
            #expect(overview.json["identityLinked"] as? Bool == true)
            #expect((overview.json["enrollments"] as? [[String: Any]])?.count == 2)
            #expect(!overview.text.contains(OfficialTestNumbers.personnummer))
            #expect(try await client.send(.get, "/v1/people/\(citizen.person)", token: citizen.token).status == .ok)
            let byNumber = try await client.send(.get, "/v1/people/\(OfficialTestNumbers.personnummer)", token: caseworker)
            #expect(byNumber.status == .badRequest)
            #expect(byNumber.errorField == "personId")
            #expect(try await client.send(.get, "/v1/people/lp-nobody", token: caseworker).status == .notFound)
        }
    }
}
