import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Foundation
import XCTest

/// The fast reading of stored answers gives what JSONDecoder gave.
final class SurveyAnswerParsingTests: XCTestCase {
    func testStoredAnswersReadAsJSONDecoderReadThem() throws {
        let samples = [
            #"{"overall":4,"topic":"=civil","comment":"Много бързо, благодаря!"}"#,
            #"{"waiting":1,"staff":5,"comment":"=not an option? \"quoted\" \\ \n"}"#,
            #"{}"#, #"{"a":2.5}"#, #"{"a":true}"#, #"[1,2]"#, #"not json"#, #"{"a":null}"#, #"{"big":1e3}"#,
            #"{"a":1,"a":2}"#, #"{"a":007}"#, #"{"a":-1}"#, #"{"a":12345678901}"#, #"{ "a": 1 }"#, #"{"a":1,}"#,
            #"{"a":"x\u0041"}"#, #"{"a":1}x"#, #"{"a":"x"}"#, #"{"a":0}"#, #"{"":3}"#,
        ]
        for json in samples {
            let expected = (try? JSONDecoder().decode([String: SurveyAnswer].self, from: Data(json.utf8))) ?? [:]
            XCTAssertEqual(SurveyStore.answers(fromJSON: json), expected, json)
            if let flat = SurveyStore.flatAnswers(json) { XCTAssertEqual(flat, expected, "fast path: " + json) }
        }
    }
}
