import DossierExtraction
import DossierModel
import Testing

/// A year-less date, weekday or quarter and the occurrence the words around it select.
struct DateDirectionCase: CustomTestStringConvertible, Sendable {
    var sentence: String
    var expression: String
    var publishedAt: String
    var start: String
    var end: String

    init(_ sentence: String, _ expression: String, _ start: String, _ end: String? = nil, p publishedAt: String = "1995-10-25") {
        self.sentence = sentence
        self.expression = expression
        self.publishedAt = publishedAt
        self.start = start
        self.end = end ?? start
    }

    var testDescription: String { "\(expression) in \"\(sentence)\"" }
}

/// P = 1995-10-25, a Wednesday, unless a row says otherwise.
@Suite("DateTense: past or ahead, from the words of the clause")
struct DateTenseTests {
    static let rows: [DateDirectionCase] = [
        // Participles after "be" or a modal are no past tense.
        .init("The bonds will be redeemed on Nov. 30 at par.", "Nov. 30", "1995-11-30"),
        .init("The summit will be held at the palace on April 2.", "April 2", "1996-04-02"),
        .init("Shares of its preferred stock will be bought back on Nov. 2.", "Nov. 2", "1995-11-02"),
        // Present "is" right before the date, or in a progressive, states a schedule.
        .init("The record date for the payout is Dec. 4.", "Dec. 4", "1995-12-04"),
        .init("The board is calling for a vote on Dec. 12.", "Dec. 12", "1995-12-12"),
        // "by", "until", "through": ahead, unless a past verb of the clause sits right before.
        .init("The lender had sold 200,000 notes through Sept. 15.", "Sept. 15", "1995-09-15"),
        .init("The regulator gave the bank until mid-November to respond.", "mid-November", "1995-11-11", "1995-11-20"),
        .init("The group extended its tender offer until 5 p.m. Nov. 8.", "Nov. 8", "1995-11-08"),
        .init("Lawyers must file their briefs by Nov. 14.", "Nov. 14", "1995-11-14"),
        // An infinitive after "agreed", "decided" and the like lies ahead.
        .init("The firm agreed to buy the plant in February.", "February", "1996-02-01", "1996-02-29"),
        .init("The ministers decided to admit two members in early December.", "early December", "1995-12-01", "1995-12-10"),
        .init("The analyst expects a rebound in January.", "January", "1996-01-01", "1996-01-31"),
        // "took effect" and "set on" are done.
        .init("The rules took effect Aug. 1.", "Aug. 1", "1995-08-01"),
        .init("The index closed near the high set on Aug. 3.", "Aug. 3", "1995-08-03"),
        // The nearest cue decides, with a preference for the one before.
        .init("Ahead of the vote, the council on Monday approved the budget.", "Monday", "1995-10-23"),
        .init("Aid groups said they would help victims of the Sept. 9 floods that struck the coast.", "Sept. 9", "1995-09-09"),
        .init("The dividend is payable Jan. 5 to holders of record Dec. 1, the company said.", "Dec. 1", "1995-12-01"),
        .init("On Friday, the union plans to stage a walkout.", "Friday", "1995-10-27"),
        .init("Organizers were planning to march on Saturday.", "Saturday", "1995-10-28"),
        // A quarter without a year: P's year once it has begun, else the past one unless the clause looks ahead.
        .init("The company posted a loss for the third quarter.", "the third quarter", "1995-07-01", "1995-09-30"),
        .init("Analysts expect a profit in the fourth quarter.", "the fourth quarter", "1995-10-01", "1995-12-31"),
        .init("The chain reported weak fourth-quarter sales.", "fourth-quarter", "1995-10-01", "1995-12-31", p: "1996-02-10"),
        .init("The chain will report third-quarter sales.", "third-quarter", "1996-07-01", "1996-09-30", p: "1996-02-10"),
        // A date that qualifies a noun names a known occasion: the default, whatever the tense.
        .init("The bank will try to sell itself under a June agreement with shareholders.", "June", "1995-06-01", "1995-06-30"),
        .init("Relatives said they would look for ways around Monday's ruling.", "Monday", "1995-10-23"),
        .init("Crowds gathered ahead of Monday's anniversary of the withdrawal.", "Monday", "1995-10-30"),
        // "to be" with a participle states a plan.
        .init("The sale of preferred shares is to be completed around Nov. 1.", "Nov. 1", "1995-11-01"),
        // With no tense cue, DATES.md's default holds even for a day or month just after P: the one on or before P.
        // A date fixed for something ("a hearing date") lies ahead of the clause's time: the nearest one to P.
        .init("Exporters face lower quotas in November.", "November", "1994-11-01", "1994-11-30"),
        .init("The court fixed a Nov. 14 hearing date for the appeal.", "Nov. 14", "1995-11-14"),
        .init("Holders at the Sept. 30 record date received the payout.", "Sept. 30", "1995-09-30"),
        .init("By setting a Jan. 14 return date, the agency allowed the relatives time to appeal.", "Jan. 14", "1996-01-14", p: "1996-01-06"),
        .init("Exporters face lower quotas in November.", "November", "1995-11-01", "1995-11-30", p: "1995-12-02"),
        .init("Workers struck on Nov. 3 after a pay dispute.", "Nov. 3", "1994-11-03"),
        .init("The vote is set for Sept. 10.", "Sept. 10", "1996-09-10"),
        // A year-to-date figure ends at or before P.
        .init("The fund's return this year through August was flat.", "August", "1995-08-01", "1995-08-31"),
        .init("The ferry sank on Nov. 3 in a storm.", "Nov. 3", "1994-11-03"),
        // "meet", "meets": a present verb that states a schedule; not so in the infinitive or after "did".
        .init("The two leaders meet Monday in Geneva.", "Monday", "1995-10-30"),
        .init("The committee meets on Friday to review the bids.", "Friday", "1995-10-27"),
        .init("The two leaders did not meet Monday as planned.", "Monday", "1995-10-23"),
        .init("The shortage made it hard to meet orders on Monday.", "Monday", "1995-10-23"),
        // "would", and a deadline with no future verb, point ahead of a report that may itself be past: the
        // occurrence nearest P on either side (a tie goes ahead).
        .init("Relatives said they would look for ways to return the boy to his father by Oct. 24.", "Oct. 24", "1995-10-24"),
        .init("Relatives said they would file an appeal on Nov. 2.", "Nov. 2", "1995-11-02"),
        .init("Officials said the carriers would add flights in April.", "April", "1996-04-01", "1996-04-30"),
        .init("Officials said the carriers would add flights in August.", "August", "1995-08-01", "1995-08-31"),
        .init("The airline will double its flights between the two countries by August.", "August", "1996-08-01", "1996-08-31"),
        .init("The relatives said they would appeal on Monday.", "Monday", "1995-10-23"),
        .init("The relatives said they would appeal on Friday.", "Friday", "1995-10-27"),
        // A bare deadline keeps a weekday ahead.
        .init("The government has until Monday to raise the money.", "Monday", "1995-10-30"),
        // A present verb of schedule.
        .init("The markets reopen Tuesday after the holiday.", "Tuesday", "1995-10-31"),
        // A modal perfect looks back.
        .init("Worries may have been behind a drop in the shares on Thursday.", "Thursday", "1995-10-19"),
        .init("The courier must have left the city on Friday.", "Friday", "1995-10-20"),
        // "the … deadline": ahead of the clause's own time.
        .init("Holders tendered 99% of the shares by the Monday deadline.", "Monday", "1995-10-23"),
        .init("The official gave no reason for the Nov. 2 deadline.", "Nov. 2", "1995-11-02"),
        .init("The envoys face a Monday deadline.", "Monday", "1995-10-30"),
        // "as early as": the earliest of the times to come.
        .init("The father could reach the country as early as Tuesday, officials said.", "Tuesday", "1995-10-31"),
        // No cue near the date: the sentence's governing verb further back decides.
        .init("The envoy is scheduled to spend five hours on the ground in the capital of the country, her first stop Friday morning, and then fly home.", "Friday morning", "1995-10-27"),
    ]

    /// Comparisons a year back, as earnings reports write them.
    static let yearAgoRows: [DateDirectionCase] = [
        .init("Net income rose in the third quarter from the year-ago quarter.", "the year-ago quarter", "1994-07-01", "1994-09-30"),
        .init("Sales in the year-earlier period were lower.", "the year-earlier period", "1994-07-01", "1994-09-30"),
        .init("Profit was up sharply from a year earlier.", "a year earlier", "1994-01-01", "1994-12-31"),
        .init("Earnings fell from the year-ago third quarter.", "the year-ago third quarter", "1994-07-01", "1994-09-30"),
        .init("Analysts see growth in next year's first quarter.", "next year's first quarter", "1996-01-01", "1996-03-31"),
        .init("The plant opened on March 3, 2019. A year later it closed.", "A year later", "2020-03-03"),
        // After a quarter, "year-earlier" is that quarter a year back; otherwise the year before P's.
        .init("It lost money in the third quarter, against a year-earlier profit.", "year-earlier", "1994-07-01", "1994-09-30"),
        .init("Sales in 1993 were flat. The year-ago results were restated.", "The year-ago", "1994-01-01", "1994-12-31"),
        // The period reported on, a year back: a period noun before "a year ago" or "last year" names that period.
        .init("It lost money in the third quarter. For the quarter a year ago, it earned $2 million.", "the quarter a year ago", "1994-07-01", "1994-09-30"),
        .init("Profit fell in the third quarter from last year's quarter.", "last year's quarter", "1994-07-01", "1994-09-30"),
        .init("Sales rose in the third quarter from the same period last year.", "the same period last year", "1994-07-01", "1994-09-30"),
        .init("Revenue beat the comparable period a year earlier.", "the comparable period a year earlier", "1994-07-01", "1994-09-30"),
        .init("Sales fell in the third quarter from the comparable year-ago quarter.", "the comparable year-ago quarter", "1994-07-01", "1994-09-30"),
        // Alone, "last year" keeps its row, even after a quarter.
        .init("Profit fell in the third quarter. Last year the company lost money.", "Last year", "1994-01-01", "1994-12-31"),
        // "the 1994 quarter": the quarter the report has named, in that year.
        .init("Profit rose in the third quarter. It had lost money in the 1994 quarter.", "the 1994 quarter", "1994-07-01", "1994-09-30"),
        .init("The 1994 period was weak.", "The 1994 period", "1994-01-01", "1994-12-31"),
        // A sentence about several months compares them with the same months of that year: the whole year.
        .init("Profit rose in the third quarter. In the first nine months, net fell from the 1994 period.", "the 1994 period", "1994-01-01", "1994-12-31"),
        .init("Profit rose in the third quarter. For the first half, sales beat the 1994 period.", "the 1994 period", "1994-01-01", "1994-12-31"),
    ]

    @Test("year-back comparisons", arguments: yearAgoRows)
    func yearAgo(_ row: DateDirectionCase) { direction(row) }

    /// Holidays, spelled decades, seasons after "the" (P = 1995-10-25).
    static let namedRows: [DateDirectionCase] = [
        .init("The ferry sank on Thanksgiving Day.", "Thanksgiving Day", "1994-11-24"),
        .init("Shops will close early on Christmas Eve.", "Christmas Eve", "1995-12-24"),
        .init("Turnout fell sharply last Thanksgiving.", "last Thanksgiving", "1994-11-24"),
        .init("Voters will go to the polls on Election Day.", "Election Day", "1995-11-07"),
        .init("Pilgrims crowded the square at Easter.", "Easter", "1995-04-16"),
        .init("Crime rose through the nineties.", "the nineties", "1990-01-01", "1999-12-31"),
        .init("The band peaked in the late sixties.", "the late sixties", "1967-01-01", "1969-12-31"),
        .init("Supply problems lasted well into the summer.", "the summer", "1995-06-21", "1995-09-22"),
        // "this past spring" is the latest one begun; "last spring" the year before's.
        .init("Costs rose this past spring.", "this past spring", "1995-03-20", "1995-06-20"),
        .init("Costs rose last spring.", "last spring", "1994-03-20", "1994-06-20"),
        // Years in words inside month and season forms, as broadcasts write them.
        .init("It happened in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-12-21", "1995-03-19"),
        .init("It happened in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01-01", "1997-01-31"),
        // Halves and runs of quarters.
        .init("Output fell in the last half of 1994.", "the last half of 1994", "1994-07-01", "1994-12-31"),
        .init("Output fell in the first two quarters of 1994.", "the first two quarters of 1994", "1994-01-01", "1994-06-30"),
        // A week or a day named through another day.
        .init("Hearings are set for the week of Nov. 6.", "the week of Nov. 6", "1995-11-06", "1995-11-12"),
        .init("He was arrested the day before last Tuesday.", "the day before last Tuesday", "1995-10-23"),
        .init("Stores reopened the day after Christmas.", "the day after Christmas", "1994-12-26"),
        // A holiday with its year is that year's day; New Year's Day and Eve are holidays too.
        .init("The strike began on Christmas Eve 1992.", "Christmas Eve 1992", "1992-12-24"),
        .init("Turnout was high on Election Day 1992.", "Election Day 1992", "1992-11-03"),
        .init("The church was full at Easter 1993.", "Easter 1993", "1993-04-11"),
        .init("Crowds marched on New Year's Day.", "New Year's Day", "1995-01-01"),
        .init("The bank will close on New Year\u{2019}s Eve.", "New Year\u{2019}s Eve", "1995-12-31"),
        .init("The truce began on New Year's Eve 1993.", "New Year's Eve 1993", "1993-12-31"),
    ]

    @Test("holidays, spelled decades and seasons", arguments: namedRows)
    func named(_ row: DateDirectionCase) { direction(row) }

    static let recurring: [String] = [
        "Markets close early every Friday.",
        "Marchers parade each July through the old town.",
        "Tourists flock to Easter Island.",
        "She is in her forties.",
        "He spoke on ABC's \"This Week\" program.",
        // Another country's Independence Day is not the Fourth of July; months as given names are no months.
        "Israel's Independence Day parade drew crowds.",
        "April Glaspie met the president.",
        "The diplomat June Carter said nothing.",
    ]

    @Test("recurrences and names are no dates", arguments: recurring)
    func notDates(_ sentence: String) {
        #expect(DateRecognizer().recognize(AnalyzedText(body: sentence), publishedAt: CalendarDate(iso: "1995-10-25")).isEmpty)
    }

    @Test("selects the occurrence the clause points to", arguments: rows)
    func direction(_ row: DateDirectionCase) {
        let events = DateRecognizer().recognize(AnalyzedText(body: row.sentence), publishedAt: CalendarDate(iso: row.publishedAt))
        let event = events.first { $0.text == row.expression }
        #expect(event != nil, "found \(events.map(\.text))")
        #expect(event?.interval?.start.iso == row.start)
        #expect(event?.interval?.end.iso == row.end)
    }
}
