import BulletinSupport
import Foundation

/// "Today" for a build, in the site's time zone: an input, so builds are reproducible.
public enum BuildMoment: Sendable, Equatable {
    /// A date given on the command line (`--now 2024-05-18`).
    case date(SimpleDate)
    /// Seconds since 1970, e.g. from `SOURCE_DATE_EPOCH`.
    case epoch(TimeInterval)

    /// `--now` wins, then `SOURCE_DATE_EPOCH`, then the clock.
    public static func resolve(now: String?, environment: [String: String]) throws -> BuildMoment {
        if let now {
            guard let date = SimpleDate(iso: now) else { throw BuildFailed(diagnostics: [
                Diagnostic(path: "--now", .nowInvalid, ["value": now])]) }
            return .date(date)
        }
        if let raw = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = TimeInterval(raw) else { throw BuildFailed(diagnostics: [
                Diagnostic(path: "SOURCE_DATE_EPOCH", .sourceDateEpochInvalid, ["value": raw])]) }
            return .epoch(seconds)
        }
        return .epoch(Date().timeIntervalSince1970)
    }
}

extension BuildMoment {
    /// The calendar date of this moment in the given time zone.
    public func today(timeZone: String) -> SimpleDate { SiteClock.today(self, timeZone: timeZone) }
}

public enum SiteClock {
    public static func timeZone(named name: String) -> TimeZone? {
        name == "UTC" ? TimeZone(identifier: "UTC") : TimeZone(identifier: name)
    }

    public static func today(_ moment: BuildMoment, timeZone name: String) -> SimpleDate {
        switch moment {
        case .date(let date):
            return date
        case .epoch(let seconds):
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone(named: name) ?? TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
            return SimpleDate(year: parts.year!, month: parts.month!, day: parts.day!)
        }
    }
}
