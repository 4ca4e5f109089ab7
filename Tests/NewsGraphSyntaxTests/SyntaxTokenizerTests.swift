import Foundation
import Testing

@testable import NewsGraphSyntax
