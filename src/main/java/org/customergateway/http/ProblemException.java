package org.customergateway.http;

/** Thrown where a request cannot be served; {@link HttpProblems} turns it into its problem answer. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail));
    }
}
