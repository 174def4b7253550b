extension Journey {
    /// Top-level steps in GOV.UK step-by-step stages: a stage holds the steps whose prerequisites all lie in
    /// earlier stages, so the steps of one stage can be done in any order ("and"). Every front end numbers
    /// steps this way, so `lotsen show` and the guide agree on "step 3". A `oneOf` group comes after what
    /// any of its alternatives waits for too, so registering a company is listed after the bank certificate
    /// that one way of registering needs.
    public var stages: [[StepDefinition]] {
        let topLevel = topLevelSteps
        var stage: [StepID: Int] = [:]
        for index in evaluationOrder {
            let step = steps[index]
            guard step.group == nil else { continue }
            let prerequisites = step.after + step.alternatives.flatMap { self.step($0)?.after ?? [] }
            stage[step.id] = (prerequisites.compactMap { stage[$0] }.max() ?? -1) + 1
        }
        let count = (stage.values.max() ?? -1) + 1
        return (0..<count).map { level in topLevel.filter { stage[$0.id] == level } }
    }
}
