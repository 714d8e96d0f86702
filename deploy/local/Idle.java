/** Baseline for deploy/local/measure.sh: a JVM that starts, says so, and idles. */
public class Idle {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("idle JVM started in " + (System.nanoTime() / 1_000_000) + " ms of uptime clock");
        Thread.currentThread().join();
    }
}
