extension Journey {
    /// Top-level steps in GOV.UK step-by-step stages: a stage holds the steps whose prerequisites all lie in
    /// earlier stages, so the steps of one stage can be done in any order ("and"). Every front end numbers
    /// steps this way, so `lotsen show` and the guide agree on "step 3".
    public var stages: [[StepDefinition]] {
        let topLevel = topLevelSteps
        var stage: [StepID: Int] = [:]
        for index in evaluationOrder {
            let step = steps[index]
            guard step.group == nil else { continue }
            stage[step.id] = (step.after.compactMap { stage[$0] }.max() ?? -1) + 1
        }
        let count = (stage.values.max() ?? -1) + 1
        return (0..<count).map { level in topLevel.filter { stage[$0.id] == level } }
    }
}
