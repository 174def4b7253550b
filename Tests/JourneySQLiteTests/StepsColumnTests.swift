import Foundation
import GRDB
import JourneyModel
import Testing

@testable import JourneySQLite
import JourneyStore

@Suite("The steps column: an enrollment's steps as JSON in its row")
struct StepsColumnTests {
    static let steps: [StepID: StoredStep] = [
        "residence-permit": StoredStep(progress: .waitingOnAgency(caseReference: "MIG-2026-000123"), state: .waitingOnAgency,
            since: Date(timeIntervalSinceReferenceDate: 788_918_400.123_456_7)),
        "population-registration": StoredStep(progress: nil, state: .locked, since: Date(timeIntervalSinceReferenceDate: 0)),
        "sfi": StoredStep(progress: .needsAction(message: "Skicka \"kopian\"\n\\ en gång till\t– tack ✓ 😀 \u{1}"), state: .needsAction,
            since: Date(timeIntervalSinceReferenceDate: -1.5)),
        "bank": StoredStep(progress: .rejected(reason: nil), state: .rejected, since: Date(timeIntervalSinceReferenceDate: 1e-7)),
    ]

    @Test("steps read back exactly as written, text with quotes, newlines, control characters and emoji included")
    func roundTrip() async throws {
        let text = StepsColumn.encodedText(Self.steps)
        #expect(try StepsColumn.decode(text, enrollment: "e-1") == Self.steps)
        #expect(try StepsColumn.decode("{}", enrollment: "e-1") == [:])
    }

    @Test("the column is the documented JSON: keys sorted, one array per step")
    func documentedShape() async throws {
        let steps: [StepID: StoredStep] = [
            "b": StoredStep(progress: .completed, state: .done, since: Date(timeIntervalSinceReferenceDate: 2.5)),
            "a": StoredStep(progress: nil, state: .available, since: Date(timeIntervalSinceReferenceDate: 1)),
        ]
        #expect(StepsColumn.encodedText(steps) == #"{"a":["available","1.0",null,null],"b":["done","2.5","completed",null]}"#)
    }

    @Test("when a step opened is written after due and expectedBy (null where unknown), and columns written before it read unchanged")
    func openedAtComesLast() async throws {
        let steps: [StepID: StoredStep] = [
            "a": StoredStep(progress: nil, state: .available, since: Date(timeIntervalSinceReferenceDate: 1), openedAt: Date(timeIntervalSinceReferenceDate: 1)),
            "b": StoredStep(progress: .completed, state: .done, since: Date(timeIntervalSinceReferenceDate: 9), due: Date(timeIntervalSinceReferenceDate: 5),
                openedAt: Date(timeIntervalSinceReferenceDate: 2)),
            "c": StoredStep(progress: .waitingOnAgency(caseReference: nil), state: .waitingOnAgency, since: Date(timeIntervalSinceReferenceDate: 3),
                expectedBy: Date(timeIntervalSinceReferenceDate: 7), openedAt: Date(timeIntervalSinceReferenceDate: 0.5)),
        ]
        let text = StepsColumn.encodedText(steps)
        #expect(text == #"{"a":["available","1.0",null,null,null,null,"1.0"],"b":["done","9.0","completed",null,"5.0",null,"2.0"],"#
            + #""c":["waitingOnAgency","3.0","waitingOnAgency",null,null,"7.0","0.5"]}"#)
        #expect(try StepsColumn.decode(text, enrollment: "e-1") == steps)
        // Written before openings were recorded: a due date alone, or a due date and an expected answer.
        #expect(try StepsColumn.decode(#"{"a":["available","1.0",null,null,"5.0"],"b":["waitingOnAgency","1.0",null,null,null,"7.0"]}"#, enrollment: "e-1") == [
            "a": StoredStep(progress: nil, state: .available, since: Date(timeIntervalSinceReferenceDate: 1), due: Date(timeIntervalSinceReferenceDate: 5)),
            "b": StoredStep(progress: nil, state: .waitingOnAgency, since: Date(timeIntervalSinceReferenceDate: 1), expectedBy: Date(timeIntervalSinceReferenceDate: 7)),
        ])
    }

    @Test("SQLite reads the same column: it is valid JSON, and a step's state and since are where the paths say")
    func sqliteAgrees() async throws {
        let queue = try DatabaseQueue()
        let text = StepsColumn.encodedText(Self.steps)
        try await queue.read { db in
            #expect(try Bool.fetchOne(db, sql: "SELECT json_valid(?)", arguments: [text]) == true)
            for (step, stored) in Self.steps {
                let state = try String.fetchOne(db, sql: "SELECT json_extract(?, ?)", arguments: [text, StepsColumn.path(step, field: .state)])
                let since = try String.fetchOne(db, sql: "SELECT json_extract(?, ?)", arguments: [text, StepsColumn.path(step, field: .since)])
                #expect(state == stored.state.rawValue)
                #expect(since.flatMap(Double.init) == stored.since.timeIntervalSinceReferenceDate)
            }
            // A column SQLite rewrote (its own spacing and escapes) still reads back the same steps.
            let rewritten = try #require(try String.fetchOne(db, sql: "SELECT json(?)", arguments: [text]))
            #expect(try StepsColumn.decode(rewritten, enrollment: "e-1") == Self.steps)
        }
        let spaced = #"{ "a" : [ "available" , "1.0" , null , null ] ,"b":["done","2.5","completed",null] }"#
        #expect(try StepsColumn.decode(spaced, enrollment: "e-1").count == 2)
        let escaped = #"{"\u0061":["available","1.0","needsAction","\u00e5 \ud83d\ude00 \/"]}"#
        #expect(try StepsColumn.decode(escaped, enrollment: "e-1") == [
            "a": StoredStep(progress: .needsAction(message: "å 😀 /"), state: .available, since: Date(timeIntervalSinceReferenceDate: 1)),
        ])
    }

    @Test("a damaged column is a corrupt-storage error naming the enrollment, never a guess", arguments: [
        "", "{", "[]", #"{"a":["available","1.0",null]}"#, #"{"a":["open","1.0",null,null]}"#, #"{"a":["available","soon",null,null]}"#,
        #"{"a":["available","1.0","teleported",null]}"#, #"{"a":["available","1.0",null,null]} trailing"#, #"{"a":["available","1.0",null,nul]}"#,
        #"{"a":["available","1.0",null,"\x"]}"#, #"{"a":["available","1.0",null,"\ud83d"]}"#, #"{"a":["available","1.0",null,"unterminated]}"#,
        #"{"a":["available","1.0",null,null,null,null,null]}"#, #"{"a":["available","1.0",null,null,null,null,"later"]}"#,
        #"{"a":["available","1.0",null,null,null,null,"1.0","2.0"]}"#,
    ])
    func damagedColumnIsCorrupt(_ column: String) throws {
        let error = try #require(throws: StorageError.self) { try StepsColumn.decode(column, enrollment: "e-7") }
        #expect(error.code == .corrupt)
        #expect(error.message == "the steps of enrollment e-7 cannot be read")
    }
}
