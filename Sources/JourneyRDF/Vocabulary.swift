/// The RDF namespace's terms the parsers and serializers need.
public enum RDF {
    public static let ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let type = ns + "type"
    public static let first = ns + "first"
    public static let rest = ns + "rest"
    public static let `nil` = ns + "nil"
    public static let langString = ns + "langString"
    public static let json = ns + "JSON"
}

/// XML Schema datatypes for literals.
public enum XSD {
    public static let ns = "http://www.w3.org/2001/XMLSchema#"
    public static let string = ns + "string"
    public static let boolean = ns + "boolean"
    public static let integer = ns + "integer"
    public static let decimal = ns + "decimal"
    public static let double = ns + "double"
    public static let duration = ns + "duration"
    public static let anyURI = ns + "anyURI"
    public static let date = ns + "date"
    public static let dateTime = ns + "dateTime"
}
