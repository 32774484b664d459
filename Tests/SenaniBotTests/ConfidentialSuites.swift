import Testing

/// The confidential channel's bot tests, one at a time: each runs a whole bot, and on a 2-core machine a dozen more
/// of them at once beside the other suites only makes every suite's waits time out.
@Suite(.serialized) enum ConfidentialSuites {}
