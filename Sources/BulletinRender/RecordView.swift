import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport

/// The `record` value of a record page: every field, plus `facts` already in words.
extension PageContext {
    func recordView(_ record: Record) -> View {
        var view = summary(record)
        view.set("body", .text(bodies.html(of: record)))
        var facts: [(String, String?)] = []
        switch record.details {
        case .meeting(let m): facts = meetingFields(m, record, into: &view)
        case .activity(let a): facts = activityFields(a, record, into: &view)
        case .convention(let c): facts = conventionFields(c, record, into: &view)
        case .problem(let p):
            facts = problemFields(p, into: &view)
            view.setList("meetings", summaries(graph.meetings(about: record)))
        }
        view.setList("facts", facts.compactMap { label, value in
            value.map { View(typed: ["label": .text(strings.field(label)), "value": .text($0)]) }
        })
        return view
    }

    private func meetingFields(_ m: Meeting, _ record: Record, into view: inout View) -> [(String, String?)] {
        let when = record.date.map(strings.format).map { date in
            [date, timeRange(m.time, m.endTime)].compactMap { $0 }.joined(separator: ", ")
        }
        view.set("time", m.time.map { .text($0.description) })
        view.set("end_time", m.endTime.map { .text($0.description) })
        view.set("location", m.location.map(ViewValue.text))
        view.set("convener", m.convener.map(ViewValue.text))
        view.set("recorder", m.recorder.map(ViewValue.text))
        view.set("attendance", m.attendance.map(ViewValue.number))
        view.set("round", m.round.map(ViewValue.number))
        view.set("summary", m.summary.map(ViewValue.text))
        view.set("scheduled", .flag(m.status == .scheduled))
        view.setList("participants", m.participants.map { p -> View in
            var entry = View(typed: ["role": .text(p.role)])
            entry.set("count", p.count.map(ViewValue.number))
            return entry
        })
        view.setList("agenda", m.agenda)
        view.setList("decisions", m.decisions)
        view.set("vote", vote(m.vote).map(ViewValue.view))
        view.setList("follow_up", m.followUp.map { item -> View in
            var entry = View(typed: ["action": .text(item.action), "done": .flag(item.done),
                                     "done_label": .text(strings.text(item.done ? "done" : "not_done"))])
            entry.set("owner", item.owner.map(ViewValue.text))
            entry.set("due", date(item.due).map(ViewValue.view))
            return entry
        })
        view.setList("problems", summaries(graph.problems(of: record)))
        return [("format", strings.label(m.format)), ("date", when), ("location", m.location),
                ("convener", m.convener), ("recorder", m.recorder),
                ("status", m.status == .held ? nil : strings.label(m.status)),
                ("attendance", m.attendance.map(String.init)), ("round", m.round.map(String.init)),
                ("outcome", m.outcome.map { strings.label($0) })]
    }

    private func activityFields(_ a: Activity, _ record: Record, into view: inout View) -> [(String, String?)] {
        view["end_date"] = date(a.endDate)
        view["time"] = a.time?.description
        view["location"] = a.location
        view["organizer"] = a.organizer
        view["participants"] = a.participants
        view["volunteers"] = a.volunteers
        view.setList("partners", a.partners)
        let dates = [record.date, a.endDate].compactMap { $0.map(strings.format) }.joined(separator: " – ")
        return [("category", strings.label(a.category)), ("date", dates.isEmpty ? nil : dates),
                ("time", a.time?.description), ("location", a.location), ("organizer", a.organizer),
                ("partners", a.partners.isEmpty ? nil : a.partners.joined(separator: ", ")),
                ("participants", a.participants.map(String.init)), ("volunteers", a.volunteers.map(String.init))]
    }

    private func conventionFields(_ c: Convention, _ record: Record, into view: inout View) -> [(String, String?)] {
        view["convention_kind"] = choice(c.kind)
        view["adopted"] = date(c.adopted)
        view["effective"] = date(c.effective)
        view["version"] = c.version
        view["adopted_by"] = c.adoptedBy
        view["vote"] = vote(c.vote)
        view["supersedes"] = graph.supersedes(record).map(summary)
        view["superseded_by"] = graph.supersededBy(record).map(summary)
        return [("kind", strings.label(c.kind)), ("status", strings.label(c.status)), ("version", c.version),
                ("adopted", c.adopted.map(strings.format)), ("effective", c.effective.map(strings.format)),
                ("adopted_by", c.adoptedBy)]
    }

    private func problemFields(_ p: Problem, into view: inout View) -> [(String, String?)] {
        view["raised"] = date(p.raised)
        view["raised_by"] = p.raisedBy
        view["resolved"] = date(p.resolved)
        view["category"] = choice(p.category)
        return [("category", p.category.map { strings.label($0) }), ("status", strings.label(p.status)),
                ("raised", strings.format(p.raised)), ("raised_by", p.raisedBy),
                ("resolved", p.resolved.map(strings.format)), ("urgent", p.urgent ? strings.text("yes") : nil)]
    }

    private func vote(_ vote: Vote?) -> View? {
        vote.map { ["for": $0.inFavour, "against": $0.against, "abstain": $0.abstain, "total": $0.total] }
    }

    private func timeRange(_ start: TimeOfDay?, _ end: TimeOfDay?) -> String? {
        guard let start else { return nil }
        return end.map { "\(start)–\($0)" } ?? start.description
    }
}
