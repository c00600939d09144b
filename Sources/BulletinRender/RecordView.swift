import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport

/// The `record` value of a record page: every field under its key, plus `facts` already in
/// words, ordered and labelled as the kind's field table says.
extension PageContext {
    func recordView(_ record: Record) -> View {
        var view = summary(record)
        view.set("body", .text(bodies.html(of: record)))
        let facts: [Fact]
        switch record.details {
        case .meeting(let m): facts = meetingFields(m, record, into: &view)
        case .activity(let a): facts = activityFields(a, record, into: &view)
        case .convention(let c): facts = conventionFields(c, record, into: &view)
        case .problem(let p):
            facts = problemFields(p, into: &view)
            view.setList("meetings", summaries(graph.meetings(about: record)))
        }
        view.setList("facts", factViews(facts))
        return view
    }

    /// A field and its value in words, nil when the page leaves it out.
    private typealias Fact = (field: FieldSpec, value: String?)

    /// The facts with a value, in the places their table gives them, each labelled in the site's language.
    private func factViews(_ facts: [Fact]) -> [View] {
        var placed: [(place: Int, key: String, value: String)] = []
        for (field, value) in facts {
            guard let place = field.fact, let value else { continue }
            placed.append((place, field.key, value))
        }
        return placed.sorted { $0.place < $1.place }.map { View(typed: ["label": .text(strings.field($0.key)), "value": .text($0.value)]) }
    }

    private func meetingFields(_ m: Meeting, _ record: Record, into view: inout View) -> [Fact] {
        typealias M = MeetingFields
        let when = record.date.map(strings.format).map { date in
            [date, timeRange(m.time, m.endTime)].compactMap { $0 }.joined(separator: ", ")
        }
        view.set(M.time.key, m.time.map { .text($0.description) })
        view.set(M.endTime.key, m.endTime.map { .text($0.description) })
        view.set(M.location.key, m.location.map(ViewValue.text))
        view.set(M.convener.key, m.convener.map(ViewValue.text))
        view.set(M.recorder.key, m.recorder.map(ViewValue.text))
        view.set(M.attendance.key, m.attendance.map(ViewValue.number))
        view.set(M.round.key, m.round.map(ViewValue.number))
        view.set(M.summary.key, m.summary.map(ViewValue.text))
        view.set("scheduled", .flag(m.status == .scheduled))
        view.setList(M.participants.key, m.participants.map { p -> View in
            var entry = View(typed: [ParticipantFields.role.key: .text(p.role)])
            entry.set(ParticipantFields.count.key, p.count.map(ViewValue.number))
            return entry
        })
        view.setList(M.agenda.key, m.agenda)
        view.setList(M.decisions.key, m.decisions)
        view.set(M.vote.key, vote(m.vote).map(ViewValue.view))
        view.setList(M.followUp.key, m.followUp.map { item -> View in
            var entry = View(typed: [FollowUpFields.action.key: .text(item.action), FollowUpFields.done.key: .flag(item.done),
                                     "done_label": .text(strings.text(item.done ? "done" : "not_done"))])
            entry.set(FollowUpFields.owner.key, item.owner.map(ViewValue.text))
            entry.set(FollowUpFields.due.key, date(item.due).map(ViewValue.view))
            return entry
        })
        view.setList(M.problems.key, summaries(graph.problems(of: record)))
        return [(M.format, strings.label(m.format)), (M.date, when), (M.location, m.location),
                (M.convener, m.convener), (M.recorder, m.recorder),
                (M.status, m.status == .held ? nil : strings.label(m.status)),
                (M.attendance, m.attendance.map(String.init)), (M.round, m.round.map(String.init)),
                (M.outcome, m.outcome.map { strings.label($0) })]
    }

    private func activityFields(_ a: Activity, _ record: Record, into view: inout View) -> [Fact] {
        typealias A = ActivityFields
        view[A.endDate.key] = date(a.endDate)
        view[A.time.key] = a.time?.description
        view[A.location.key] = a.location
        view[A.organizer.key] = a.organizer
        view[A.participants.key] = a.participants
        view[A.volunteers.key] = a.volunteers
        view.setList(A.partners.key, a.partners)
        let dates = [record.date, a.endDate].compactMap { $0.map(strings.format) }.joined(separator: " – ")
        return [(A.category, strings.label(a.category)), (A.date, dates.isEmpty ? nil : dates),
                (A.time, a.time?.description), (A.location, a.location), (A.organizer, a.organizer),
                (A.partners, a.partners.isEmpty ? nil : a.partners.joined(separator: ", ")),
                (A.participants, a.participants.map(String.init)), (A.volunteers, a.volunteers.map(String.init))]
    }

    private func conventionFields(_ c: Convention, _ record: Record, into view: inout View) -> [Fact] {
        typealias C = ConventionFields
        // `kind` is the record's kind in every summary, so the convention's own is named apart.
        view["convention_kind"] = choice(c.kind)
        view[C.adopted.key] = date(c.adopted)
        view[C.effective.key] = date(c.effective)
        view[C.version.key] = c.version
        view[C.adoptedBy.key] = c.adoptedBy
        view[C.vote.key] = vote(c.vote)
        view[C.supersedes.key] = graph.supersedes(record).map(summary)
        view["superseded_by"] = graph.supersededBy(record).map(summary)
        return [(C.kind, strings.label(c.kind)), (C.status, strings.label(c.status)), (C.version, c.version),
                (C.adopted, c.adopted.map(strings.format)), (C.effective, c.effective.map(strings.format)),
                (C.adoptedBy, c.adoptedBy)]
    }

    private func problemFields(_ p: Problem, into view: inout View) -> [Fact] {
        typealias P = ProblemFields
        view[P.raised.key] = date(p.raised)
        view[P.raisedBy.key] = p.raisedBy
        view[P.resolved.key] = date(p.resolved)
        view[P.category.key] = choice(p.category)
        return [(P.category, p.category.map { strings.label($0) }), (P.status, strings.label(p.status)),
                (P.raised, strings.format(p.raised)), (P.raisedBy, p.raisedBy),
                (P.resolved, p.resolved.map(strings.format)), (P.urgent, p.urgent ? strings.text("yes") : nil)]
    }

    private func vote(_ vote: Vote?) -> View? {
        vote.map { [VoteFields.inFavour.key: $0.inFavour, VoteFields.against.key: $0.against, VoteFields.abstain.key: $0.abstain,
                    "total": $0.total] }
    }

    private func timeRange(_ start: TimeOfDay?, _ end: TimeOfDay?) -> String? {
        guard let start else { return nil }
        return end.map { "\(start)–\($0)" } ?? start.description
    }
}
