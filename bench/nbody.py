# nbody.py — nbody.go in Python 3: bodies are small classes with __slots__,
# the closest Python gets to Go's structs.
import math

SOLAR_MASS = 4 * math.pi * math.pi
DAYS_PER_YEAR = 365.24
STEPS = 6000000


class Body:
    __slots__ = ("x", "y", "z", "vx", "vy", "vz", "mass")

    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x, self.y, self.z = x, y, z
        self.vx, self.vy, self.vz = vx, vy, vz
        self.mass = mass


def make_bodies():
    d = DAYS_PER_YEAR
    return [
        Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS),
        Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
             1.66007664274403694e-03 * d, 7.69901118419740425e-03 * d,
             -6.90460016972063023e-05 * d, 9.54791938424326609e-04 * SOLAR_MASS),
        Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
             -2.76742510726862411e-03 * d, 4.99852801234917238e-03 * d,
             2.30417297573763929e-05 * d, 2.85885980666130812e-04 * SOLAR_MASS),
        Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
             2.96460137564761618e-03 * d, 2.37847173959480950e-03 * d,
             -2.96589568540237556e-05 * d, 4.36624404335156298e-05 * SOLAR_MASS),
        Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
             2.68067772490389322e-03 * d, 1.62824170038242295e-03 * d,
             -9.51592254519715870e-05 * d, 5.15138902046611451e-05 * SOLAR_MASS),
    ]


def offset_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    bodies[0].vx = -px / SOLAR_MASS
    bodies[0].vy = -py / SOLAR_MASS
    bodies[0].vz = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    for i, b in enumerate(bodies):
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for b2 in bodies[i + 1:]:
            dx, dy, dz = b.x - b2.x, b.y - b2.y, b.z - b2.z
            e -= (b.mass * b2.mass) / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt):
    sqrt = math.sqrt
    for b, b2 in pairs:
        dx, dy, dz = b.x - b2.x, b.y - b2.y, b.z - b2.z
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * sqrt(d2))
        # The products in Go's order, (dx * mass) * mag, so rounding and
        # therefore the printed energy match Go's to the last digit.
        b.vx -= dx * b2.mass * mag
        b.vy -= dy * b2.mass * mag
        b.vz -= dz * b2.mass * mag
        b2.vx += dx * b.mass * mag
        b2.vy += dy * b.mass * mag
        b2.vz += dz * b.mass * mag
    for b in bodies:
        b.x += dt * b.vx
        b.y += dt * b.vy
        b.z += dt * b.vz


def main():
    bodies = make_bodies()
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    offset_momentum(bodies)
    print("%.9f" % energy(bodies))
    for _ in range(STEPS):
        advance(bodies, pairs, 0.01)
    print("%.9f" % energy(bodies))


main()
