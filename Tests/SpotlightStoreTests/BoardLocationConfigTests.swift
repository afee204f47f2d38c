import Foundation
import Testing
import SpotlightCore
import SpotlightStore

/// The order of board locations: --board, SPOTLIGHT_BOARD, a config file, the XDG default.
@Suite struct BoardLocationConfigTests {
    let configured = BoardLocation.Configured(path: "/var/lib/spotlight/board.sqlite", file: "/etc/xdg/spotlight/config.toml")
    let environment = ["HOME": "/home/ana", "XDG_DATA_HOME": "/home/ana/data"]

    @Test func theFlagWinsAndTheConfigIsNotEvenRead() throws {
        var asked = false
        let location = BoardLocation.resolve(flag: "/tmp/mine.sqlite", environment: environment) { () -> BoardLocation.Configured? in
            asked = true
            return configured
        }
        #expect(location == BoardLocation(path: "/tmp/mine.sqlite", source: .flag))
        #expect(!asked)
    }

    @Test func theEnvironmentBeatsTheConfig() {
        var env = environment
        env["SPOTLIGHT_BOARD"] = "/srv/env.sqlite"
        let location = BoardLocation.resolve(flag: nil, environment: env) { configured }
        #expect(location == BoardLocation(path: "/srv/env.sqlite", source: .environment))
    }

    @Test func theConfigBeatsTheDefault() {
        let location = BoardLocation.resolve(flag: nil, environment: environment) { configured }
        #expect(location.path == "/var/lib/spotlight/board.sqlite")
        #expect(location.source == .config("/etc/xdg/spotlight/config.toml"))
        #expect(location.source.description == "/etc/xdg/spotlight/config.toml")
    }

    @Test func aUnixPrefixNamesABrokerSocketWhereverTheBoardIsNamed() {
        let flag = BoardLocation.resolve(flag: "unix:/run/spotlight/board.sock", environment: environment)
        #expect(flag.brokerSocket == "/run/spotlight/board.sock")
        var env = environment
        env["SPOTLIGHT_BOARD"] = "unix:~/board.sock"
        #expect(BoardLocation.resolve(flag: nil, environment: env).brokerSocket == "/home/ana/board.sock")
        let configured = BoardLocation.resolve(flag: nil, environment: environment) {
            BoardLocation.Configured(path: "unix:/run/spotlight/board.sock", file: "/etc/xdg/spotlight/config.toml")
        }
        #expect(configured.brokerSocket == "/run/spotlight/board.sock")
        #expect(BoardLocation.resolve(flag: "/tmp/board.sqlite", environment: environment).brokerSocket == nil)
    }

    @Test func aHomeRelativeConfigPathIsExpanded() {
        let location = BoardLocation.resolve(flag: nil, environment: environment) {
            BoardLocation.Configured(path: "~/boards/team.sqlite", file: "/home/ana/.config/spotlight/config.toml")
        }
        #expect(location.path == "/home/ana/boards/team.sqlite")
    }

    @Test func withoutConfigTheXDGDefaultIsUsed() {
        #expect(BoardLocation.resolve(flag: nil, environment: environment) == BoardLocation(path: "/home/ana/data/spotlight/board.sqlite", source: .xdgDefault))
        #expect(BoardLocation.resolve(flag: nil, environment: environment) { nil } .source == .xdgDefault)
    }

    @Test func aConfigErrorIsPassedOn() {
        #expect(throws: SpotlightError.runtime("config file /x:1: bad")) {
            try BoardLocation.resolve(flag: nil, environment: environment) { () throws(SpotlightError) -> BoardLocation.Configured? in
                throw .runtime("config file /x:1: bad")
            }
        }
    }
}
