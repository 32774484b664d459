// ServiceLifecycle names each service by `"\(service)"`. Without a description that reflects the whole struct: the
// poller's analyzer model (tens of thousands of weights) and every parsed template, seconds of a cooperative thread
// per start in a debug build, during which the other tasks of the process starve.

extension Poller: CustomStringConvertible {
    public var description: String { "Poller" }
}

extension OutboxSender: CustomStringConvertible {
    public var description: String { "OutboxSender" }
}

extension Scheduler: CustomStringConvertible {
    public var description: String { "Scheduler" }
}
