import Foundation
import SpotlightUI

/// What reaches a program from outside, whatever the front end: the terminal's input, the
/// clock's reading and the board's `changes()`. Each program turns these into its own messages.
public enum LoopInput: Sendable, Equatable {
    case key(Key)
    /// A run of typed or pasted text taken as a whole (the board's compose form).
    case paste(String)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Time passes only as this input, with the clock's reading.
    case tick(Date)
    case board(BoardChange)
}
