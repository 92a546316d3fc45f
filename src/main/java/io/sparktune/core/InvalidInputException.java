package io.sparktune.core;

/**
 * Bad input from a user: a space file, a flag or a spec. The CLI prints {@link #getMessage()} as one
 * line and exits 2, so the message names where the problem is ({@code file: json.path: what}).
 */
public class InvalidInputException extends RuntimeException {
    private final String source;
    private final String path;
    private final String problem;

    public InvalidInputException(String source, String path, String problem) {
        super(format(source, path, problem));
        this.source = source;
        this.path = path;
        this.problem = problem;
    }

    private static String format(String source, String path, String problem) {
        StringBuilder line = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            line.append(source).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            line.append(path).append(": ");
        }
        return line.append(problem).toString();
    }

    /** The same problem, said of another source (a file name once it is known). */
    public InvalidInputException in(String newSource) {
        return new InvalidInputException(newSource, path, problem);
    }

    public String source() {
        return source;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
