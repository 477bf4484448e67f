package org.consilium.security;

import org.consilium.member.MemberService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class ConsiliumUserDetailsService implements UserDetailsService {

    private final MemberService members;
    private final SignInThrottle throttle;

    ConsiliumUserDetailsService(MemberService members, SignInThrottle throttle) {
        this.members = members;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        boolean locked = throttle.isLocked(username);
        return members.findAccount(username).map(account -> new ConsiliumUser(account, locked))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
