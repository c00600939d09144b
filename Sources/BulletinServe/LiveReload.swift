/// The script a served page gets before `</body>`, and only a served page: built sites stay
/// free of JavaScript. It listens to `/_bulletin/events` and reloads when the site's version
/// is no longer the one the page was served at, keeping the scroll position when the page
/// comes back at the same address.
enum LiveReload {
    static func script(version: Int) -> [UInt8] {
        Array("""
            <script>(function(){var v=\(version),k="bulletin-scroll:"+location.pathname,y=sessionStorage.getItem(k);\
            if(y!==null){sessionStorage.removeItem(k);addEventListener("load",function(){scrollTo(0,+y)})}\
            var s=new EventSource("/_bulletin/events");s.onmessage=function(e){if(+e.data!==v){\
            sessionStorage.setItem(k,String(scrollY));s.close();location.reload()}}})();</script>

            """.utf8)
    }

    /// `html` with `snippet` before its last `</body` (in any case), or at the end.
    static func inject(_ snippet: [UInt8], into html: [UInt8]) -> [UInt8] {
        let closing = Array("</body".utf8)
        var at = html.count
        if html.count >= closing.count {
            for start in stride(from: html.count - closing.count, through: 0, by: -1)
            where zip(html[start..<start + closing.count], closing).allSatisfy({ Self.lowercased($0) == $1 }) {
                at = start
                break
            }
        }
        var result = html
        result.insert(contentsOf: snippet, at: at)
        return result
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
