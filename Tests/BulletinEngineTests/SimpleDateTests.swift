import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

@Suite("Dates and times")
struct SimpleDateTests {
    @Test func parsesISODates() throws {
        let date = try #require(SimpleDate(iso: "2024-05-18"))
        #expect(date == SimpleDate(year: 2024, month: 5, day: 18))
        #expect(date.iso == "2024-05-18")
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2023-12-31", "2023-04-30", "0001-01-01", "0999-10-09"])
    func realDatesParse(_ text: String) {
        #expect(SimpleDate(iso: text)?.iso == text)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2023-02-30", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00",
                      "2023-1-5", "23-01-05", "2023/01/05", "2023-01-05x", "２０２３-01-05", "", "yesterday",
                      "2023-0a-05", "-023-01-05", "2023--01-05", "2024-05-1８", "2024-05-18 ", "2024-05-18-"])
    func datesThatDoNotExistOrAreMisspeltAreRejected(_ text: String) {
        #expect(SimpleDate(iso: text) == nil)
    }

    @Test func datesOrderByYearThenMonthThenDay() throws {
        let dates = ["2024-01-31", "2023-12-31", "2024-02-01", "2024-01-02"].compactMap { SimpleDate(iso: $0) }
        #expect(dates.sorted().map(\.iso) == ["2023-12-31", "2024-01-02", "2024-01-31", "2024-02-01"])
    }

    @Test func timesOfDay() {
        #expect(TimeOfDay(text: "19:30")?.description == "19:30")
        #expect(TimeOfDay(text: "9:05")?.description == "09:05")
        #expect(TimeOfDay(text: "24:00") == nil)
        #expect(TimeOfDay(text: "19:60") == nil)
        #expect(TimeOfDay(text: "1930") == nil)
    }

    @Test func aFixedMomentIsTheSameDayInEveryTimeZone() {
        #expect(BuildMoment.date(testToday).today(timeZone: "Asia/Shanghai") == testToday)
    }

    @Test func anEpochMomentIsReadInTheSiteTimeZone() {
        // 2024-05-17 20:00 UTC is already 18 May in Shanghai.
        let moment = BuildMoment.epoch(1_715_976_000)
        #expect(moment.today(timeZone: "UTC").iso == "2024-05-17")
        #expect(moment.today(timeZone: "Asia/Shanghai").iso == "2024-05-18")
    }
}
